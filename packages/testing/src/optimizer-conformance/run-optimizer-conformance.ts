import { describe, it } from 'vitest';
import {
  applyMatchesUpdateThenAdd,
  decreasesConvexQuadratic,
  initAllocatesOnlyItsState,
  type KitContext,
  nonFiniteGradientsDoNotCorruptState,
  stateKeyedByPath,
  stateRoundTripsThroughSerialization,
  updateKeepsPathsShapesAndInputs,
  withRuntimes,
} from './checks';
import type { OptimizerConformanceOptions } from './transform-under-test';

const CHECKS: [string, (ctx: KitContext) => Promise<void>][] = [
  ['init allocates nothing it does not free, and holds no parameter itself', initAllocatesOnlyItsState],
  [
    'update keeps paths, shapes and dtypes, frees its temporaries and leaves its inputs alone',
    updateKeepsPathsShapesAndInputs,
  ],
  ['state is keyed by parameter path, not position', stateKeyedByPath],
  [
    'apply, where the transform has it, gives the state of update and its parameters plus the updates',
    applyMatchesUpdateThenAdd,
  ],
  [
    'state round-trips through serialization into a new runtime and goes on identically',
    stateRoundTripsThroughSerialization,
  ],
  [
    'a NaN or infinite gradient does not corrupt state when wrapped in skipNonFinite',
    nonFiniteGradientsDoNotCorruptState,
  ],
  ['it decreases a convex quadratic without leaking per step', decreasesConvexQuadratic],
];

/** One check of the kit: its name and a function that rejects with an assertion error when it fails. */
export interface OptimizerConformanceCheck {
  /** What the check verifies, as a test title. */
  readonly name: string;
  /** Runs the check; rejects with an assertion error when it fails. */
  run(): Promise<void>;
}

/**
 * The kit's checks as plain async functions, for another test runner or to show a broken
 * transform is caught; `runOptimizerConformance` registers exactly these with vitest.
 *
 * @example
 * for (const check of optimizerConformanceChecks(options)) await check.run();
 */
export function optimizerConformanceChecks(
  options: OptimizerConformanceOptions,
): OptimizerConformanceCheck[] {
  return CHECKS.map(([name, check]) => ({ name, run: () => withRuntimes(options, check) }));
}

/**
 * Registers the optimizer conformance kit with vitest: the contract every gradient transform
 * of `@descent/optimizers` keeps, checked on a small tree of parameters (a matrix, a vector and
 * a scalar, nested) on the backend of your choice. `init` allocates only the state it returns;
 * `update` keeps paths, shapes and dtypes, frees its temporaries, returns only new tensor handles
 * and changes none of its inputs; the state is plain data keyed by parameter path; it survives
 * `serializeState` → JSON → `deserializeState` into another runtime and goes on identically; a
 * NaN or infinite gradient under `skipNonFinite` leaves it untouched; `apply`, where the
 * transform has the fused step, gives `update`'s state and the parameters plus its updates; and
 * the optimizer decreases a convex quadratic. Call it once at the top level of a test file.
 *
 * @example
 * // src/conformance.test.ts of an optimizer plugin
 * import { cpuBackend } from '@descent/backend-cpu';
 * import * as optimizers from '@descent/optimizers';
 * import { runOptimizerConformance } from '@descent/testing';
 * import { adabelief } from './adabelief';
 *
 * runOptimizerConformance({
 *   name: 'adabelief',
 *   make: () => adabelief({ learningRate: 0.05 }),
 *   plugins: () => [cpuBackend()],
 *   library: optimizers,
 * });
 */
export function runOptimizerConformance(options: OptimizerConformanceOptions): void {
  describe(`optimizer conformance: ${options.name}`, () => {
    for (const check of optimizerConformanceChecks(options)) it(check.name, () => check.run());
  });
}

export type {
  OptimizerConformanceOptions,
  OptimizerLibrary,
  SerializedStateLike,
  TransformUnderTest,
} from './transform-under-test';
