import { createRuntime, fusedOps, type Plugin, primitiveOps, type Runtime } from '@descent/core';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPOSITE_NAMES, compositeCases } from './cases/composites';
import { convCases } from './cases/conv';
import { dataAccessCases } from './cases/data-access';
import { elementwiseCases } from './cases/elementwise';
import { errorCases } from './cases/errors';
import { FUSED_NAMES, fusedCases } from './cases/fused';
import { indexingCases } from './cases/indexing';
import { matmulCases } from './cases/matmul';
import { memoryCases } from './cases/memory';
import { poolingCases } from './cases/pooling';
import { randomCases } from './cases/random';
import { reductionCases } from './cases/reductions';
import { shapeOpCases } from './cases/shape-ops';
import type { ConformanceCase, SuiteContext } from './internal/case';
import type { Tolerance } from './internal/expect-close';
import { runCase } from './internal/harness';

/** What `runBackendConformance` needs to know about the backend under test. */
export interface BackendConformanceOptions {
  /** The name the backend registers; runtimes are made with `createRuntime({ plugins, backend: name })`. */
  name: string;
  /** Fresh plugins for each runtime the suite makes: the backend's plugin and anything it needs. */
  plugins: () => readonly Plugin[];
  /**
   * Multiplies every float tolerance (exact comparisons stay exact), for backends of lower
   * precision than IEEE float32 arithmetic. Default 1; report a scale above 1 with your results.
   */
  toleranceScale?: number;
}

/** The families of cases, in the order they run. */
const FAMILIES: [string, () => ConformanceCase[]][] = [
  ['elementwise', elementwiseCases],
  ['reductions', reductionCases],
  ['matmul', matmulCases],
  ['shape ops', shapeOpCases],
  ['indexing', indexingCases],
  ['conv', convCases],
  ['pooling', poolingCases],
  ['random', randomCases],
  ['composites', compositeCases],
  ['fused ops', fusedCases],
  ['errors', errorCases],
  ['memory', memoryCases],
  ['data access', dataAccessCases],
];

/**
 * Registers the backend conformance suite with vitest: every primitive op of core and every
 * composite, against closed forms, hand-worked cases and PyTorch fixtures, with edge shapes,
 * all dtypes, NaN / Infinity, typed errors, bit-exact random numbers and memory accounting.
 * Call it once at the top level of a test file.
 *
 * @example
 * // packages/my-backend/src/conformance.test.ts
 * import { runBackendConformance } from '@descent/testing';
 * import { myBackend } from './index';
 *
 * runBackendConformance({ name: 'my-backend', plugins: () => [myBackend()] });
 */
export function runBackendConformance(options: BackendConformanceOptions): void {
  const { name, plugins } = options;
  const scale = options.toleranceScale ?? 1;
  if (!(scale >= 1)) throw new RangeError(`toleranceScale must be >= 1, got ${scale}`);
  const runtimes: Runtime[] = [];
  let shared: Runtime | undefined;
  const freshRuntime = (seed = 0): Runtime => {
    const rt = createRuntime({ plugins: plugins(), backend: name, seed });
    runtimes.push(rt);
    return rt;
  };
  const ctx: SuiteContext = {
    get rt() {
      shared ??= freshRuntime();
      return shared;
    },
    backend: name,
    freshRuntime,
    tol: (t: Tolerance) => ({ rtol: t.rtol * scale, atol: t.atol * scale }),
  };
  const families = FAMILIES.map(([family, make]) => [family, make()] as const);

  describe(`backend conformance: ${name}`, () => {
    afterAll(() => {
      for (const rt of runtimes) rt.backend(name).destroy?.();
    });
    // Cases that pin float32 rounding (exp(89) overflowing, 2^24 + 1) do not apply to a float64
    // reference backend: they are left out there, not skipped.
    const float64 = ctx.rt.backend(name).precision === 'float64';
    for (const [family, cases] of families) {
      describe(family, () => {
        for (const c of cases) {
          if (c.float32Only && float64) continue;
          it(`${c.op}: ${c.name}`, () => runCase(ctx, c));
        }
      });
    }
    describe('coverage', () => {
      const all = families.flatMap(([, cases]) => cases);
      // Error cases alone do not count: every op needs a case that checks its values.
      const covered = new Set(all.filter((c) => c.kind !== 'error').map((c) => c.op));
      it('every primitive op of core (but views) has a value case', () => {
        const missing = primitiveOps.filter((d) => !d.view && !covered.has(d.name)).map((d) => d.name);
        expect(missing, 'primitive ops without a conformance case').toEqual([]);
      });
      it('every composite of core has a value case', () => {
        expect(COMPOSITE_NAMES.filter((n) => !covered.has(n))).toEqual([]);
      });
      it('every fused op of core has a value case', () => {
        expect(
          fusedOps.map((d) => d.name).filter((n) => !covered.has(n) || !FUSED_NAMES.includes(n)),
        ).toEqual([]);
      });
    });
  });
}
