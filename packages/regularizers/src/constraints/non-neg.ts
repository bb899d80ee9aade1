import { cast, greaterEqual, mul } from '@descent/core';
import { defineConstraint, type WeightConstraint } from '../define-constraint';

/** `nonNeg` has no options. */
export type NonNegConfig = Record<string, never>;

const make = defineConstraint<NonNegConfig>({
  className: 'NonNeg',
  defaults: {},
  apply: (w) => mul(w, cast(greaterEqual(w, 0), w.dtype)),
});

/**
 * Sets negative weights to zero (Keras' `NonNeg`: `w · (w ≥ 0)`), the projection onto the
 * non-negative orthant.
 *
 * @example
 * new Dense({ units: 4, kernelConstraint: nonNeg() });
 */
export function nonNeg(config: Partial<NonNegConfig> = {}): WeightConstraint<NonNegConfig> {
  return make(config);
}
