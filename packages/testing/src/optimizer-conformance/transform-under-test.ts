import type { ParamTree, Plugin, Runtime } from '@descent/core';

/**
 * The shape of a gradient transform from `@descent/optimizers` (or any Optax-style transform):
 * what the kit needs to know, written out so `@descent/testing` does not depend on the package
 * it tests.
 */
export interface TransformUnderTest {
  /** The initial state for these parameters. */
  init(params: ParamTree): unknown;
  /** The transformed updates and the new state. */
  // biome-ignore lint/suspicious/noExplicitAny: each transform has its own state type.
  update(updates: ParamTree, state: any, params?: ParamTree): readonly [ParamTree, unknown];
  /** Optional fused step: the new parameters and state (`update` then adding the updates). */
  // biome-ignore lint/suspicious/noExplicitAny: each transform has its own state type.
  apply?(params: ParamTree, updates: ParamTree, state: any): readonly [ParamTree, unknown];
}

/** A serialized state: a JSON-able description and a binary payload. */
export interface SerializedStateLike {
  /** The JSON-able part. */
  // biome-ignore lint/suspicious/noExplicitAny: the kit only sends it through JSON.stringify/parse.
  readonly json: any;
  /** The binary part (tensor values). */
  readonly payload: Uint8Array;
}

/**
 * The parts of `@descent/optimizers` the kit runs a transform with. Pass the package itself
 * (`import * as optimizers from '@descent/optimizers'`) or `{ serializeState, deserializeState, skipNonFinite }`.
 */
export interface OptimizerLibrary {
  /** `@descent/optimizers`' `serializeState`. */
  // biome-ignore lint/suspicious/noExplicitAny: any state the transform makes.
  serializeState(state: any): Promise<SerializedStateLike>;
  /** `@descent/optimizers`' `deserializeState`. */
  deserializeState(rt: Runtime, serialized: SerializedStateLike): unknown;
  /** `@descent/optimizers`' `skipNonFinite`. */
  // biome-ignore lint/suspicious/noExplicitAny: any transform.
  skipNonFinite(inner: any): TransformUnderTest;
}

/** What `runOptimizerConformance` needs to know about the optimizer under test. */
export interface OptimizerConformanceOptions {
  /** Names the suite: `optimizer conformance: <name>`. */
  name: string;
  /** A fresh transform, configured to make progress on a small quadratic in `steps` steps. */
  make: () => TransformUnderTest;
  /** Fresh plugins for each runtime the kit makes: a backend and anything the optimizer needs. */
  plugins: () => readonly Plugin[];
  /** `serializeState`, `deserializeState` and `skipNonFinite` of `@descent/optimizers`. */
  library: OptimizerLibrary;
  /** Backend to run on; default the runtime's default backend. */
  backend?: string;
  /** Steps on the convex quadratic. Default 100. */
  steps?: number;
  /** The quadratic's loss after `steps` steps must be at most this fraction of the first. Default 0.5. */
  maxLossRatio?: number;
}
