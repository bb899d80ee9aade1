import type { ParamTree } from '@descent/core';
import type { GradientTransform, OptState } from '../gradient-transform';

/** What a pass-through transform does in a chain instead of `update`: its checks, then its new state. */
export type PassThrough = (updates: ParamTree, state: OptState, params: ParamTree | undefined) => OptState;

const checks = new WeakMap<object, PassThrough>();

/**
 * Marks `tx` as one whose `update` hands its updates back unchanged (as new handles), `check`
 * doing everything else `update` does. `chain` then runs `check` and gives the next transform
 * the same tensors: no handles made and freed for nothing, as with `addDecayedWeights(0)` in
 * every named optimizer. For this package's transforms; not exported.
 */
export function passesThrough<S extends OptState>(
  tx: GradientTransform<S>,
  check: PassThrough,
): GradientTransform<S> {
  checks.set(tx, check);
  return tx;
}

/** The check `passesThrough` registered for `tx`, if any. */
export function passThroughOf(tx: object): PassThrough | undefined {
  return checks.get(tx);
}
