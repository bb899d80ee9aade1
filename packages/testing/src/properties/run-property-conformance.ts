import { createRuntime, fusedOps, type Plugin, primitiveOps, type Runtime, type Tensor } from '@descent/core';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPOSITE_NAMES } from '../cases/composites';
import { elementwiseProperties } from './elementwise';
import { fusedProperties } from './fused';
import { layoutProperties } from './layout';
import { linalgProperties } from './linalg';
import { checkAgainst, EXACT, fc, flushCase, type OpProperty } from './property';
import { randomProperties } from './random';
import { reductionProperties } from './reductions';

/** What `runPropertyConformance` needs to know about the backend under test. */
export interface PropertyConformanceOptions {
  /** The name the backend registers. */
  name: string;
  /** Fresh plugins for the suite's runtime: the backend's plugin and anything it needs. */
  plugins: () => readonly Plugin[];
  /**
   * Random cases per property. Default: the `PROPERTY_RUNS` environment variable, else
   * `defaultNumRuns`, else 1000 (CI); set `PROPERTY_RUNS=20000` for a nightly run.
   */
  numRuns?: number;
  /**
   * Cases per property when neither `numRuns` nor `PROPERTY_RUNS` is given (default 1000). A
   * backend that compiles a kernel for every new shape (gpu.js) sets fewer to keep CI in minutes.
   */
  defaultNumRuns?: number;
  /**
   * fast-check seed. Default: the `PROPERTY_SEED` environment variable (a number replays a
   * printed failure; `random` draws a new seed each run, for nightly exploration), else a fixed
   * seed, so `pnpm test` checks the same cases on every machine and a CI failure reproduces.
   */
  seed?: number;
  /** Multiplies every float tolerance, for backends below IEEE float32 precision. Default 1. */
  toleranceScale?: number;
  /** Whether -0 and +0 must come out as the IEEE answer says (default true). */
  signedZeros?: boolean;
  /**
   * Whether the backend may flush float32 subnormals (|x| < 2^-126) to zero, in inputs,
   * intermediates and outputs, as GLSL ES 3.00 (§4.5.1) and WGSL allow GPUs to. A case then
   * passes if it matches the IEEE reference or, failing that, the reference computed on the
   * case with its subnormals flushed, both sides' subnormals read as zeros. Cases without
   * subnormals are held to the IEEE answer alone. Default false.
   */
  flushSubnormals?: boolean;
}

/** Every property, for listing and coverage. */
export function propertySuite(): OpProperty[] {
  return [
    ...elementwiseProperties(),
    ...reductionProperties(),
    ...layoutProperties(),
    ...linalgProperties(),
    ...randomProperties(),
    ...fusedProperties(),
  ];
}

/** The seed of `pnpm test`'s property runs when `PROPERTY_SEED` does not say otherwise. */
const DEFAULT_PROPERTY_SEED = 20261124;

function envSeed(): number | undefined {
  const v = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
    .PROPERTY_SEED;
  if (v === 'random') return undefined;
  return v === undefined || v === '' ? DEFAULT_PROPERTY_SEED : Number(v);
}

function envNumber(name: string): number | undefined {
  const v = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];
  return v === undefined || v === '' ? undefined : Number(v);
}

/**
 * Registers property-based tests with vitest: for every primitive op of core and every
 * composite, random shapes (zero-size and size-1 axes, broadcast pairs) and values (±0, huge,
 * tiny, subnormal, NaN, ±Infinity) are run on the backend and compared with a plain float64
 * reference written in this suite, rounded to float32. Each case also checks that no tensor
 * leaked. A primitive or composite without a property fails the coverage check.
 *
 * @example
 * // packages/my-backend/src/properties.test.ts
 * import { runPropertyConformance } from '@descent/testing';
 * import { myBackend } from './index';
 *
 * runPropertyConformance({ name: 'my-backend', plugins: () => [myBackend()] });
 */
export function runPropertyConformance(options: PropertyConformanceOptions): void {
  const { name, plugins } = options;
  const numRuns = options.numRuns ?? envNumber('PROPERTY_RUNS') ?? options.defaultNumRuns ?? 1000;
  const seed = options.seed ?? envSeed();
  const scale = options.toleranceScale ?? 1;
  const flush = options.flushSubnormals ?? false;
  if (!(Number.isInteger(numRuns) && numRuns >= 1))
    throw new RangeError(`numRuns must be a positive integer, got ${numRuns}`);
  if (!(scale >= 1)) throw new RangeError(`toleranceScale must be >= 1, got ${scale}`);
  const properties = propertySuite();
  let rt: Runtime | undefined;
  const runtime = (): Runtime => {
    rt ??= createRuntime({ plugins: plugins(), backend: name, seed: 0 });
    return rt;
  };

  describe(`property conformance: ${name} (${numRuns} runs per property)`, () => {
    afterAll(() => rt?.backend(name).destroy?.());
    for (const p of properties) {
      it(p.label ? `${p.op} (${p.label})` : p.op, async () => {
        const r = runtime();
        const tol = p.tol ?? EXACT;
        const scaled = { rtol: tol.rtol * scale, atol: tol.atol * scale };
        const sync = r.backend(name).readSync !== undefined;
        const signed = (p.signedZeros ?? false) && options.signedZeros !== false;
        await fc.assert(
          fc.asyncProperty(p.arb, async (c) => {
            const before = r.memory().numTensors;
            let out: Tensor | undefined;
            try {
              out = r.tidy(() => p.run(r, c));
              const values = sync ? out.dataSync() : await out.data();
              try {
                checkAgainst(out, values, p.ref(c), scaled, signed);
              } catch (ieee) {
                if (!flush) throw ieee;
                try {
                  checkAgainst(out, values, p.ref(flushCase(c)), scaled, signed, true);
                } catch (flushed) {
                  throw new Error(
                    `${(ieee as Error).message}\n  nor with subnormals flushed to zero: ${(flushed as Error).message}`,
                  );
                }
              }
            } finally {
              out?.dispose();
            }
            const after = r.memory().numTensors;
            if (after !== before) throw new Error(`${after - before} tensors leaked`);
          }),
          { numRuns, ...(seed === undefined ? {} : { seed }) },
        );
      });
    }
    describe('coverage', () => {
      const covered = new Set(properties.map((p) => p.op));
      it('every primitive op of core has a property', () => {
        expect(primitiveOps.map((d) => d.name).filter((n) => !covered.has(n))).toEqual([]);
      });
      it('every composite of core has a property', () => {
        expect(COMPOSITE_NAMES.filter((n) => !covered.has(n))).toEqual([]);
      });
      it('every fused op of core has a property', () => {
        expect(fusedOps.map((d) => d.name).filter((n) => !covered.has(n))).toEqual([]);
      });
    });
  });
}
