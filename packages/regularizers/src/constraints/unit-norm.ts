import { add, div } from '@descent/core';
import { defineConstraint, type WeightConstraint } from '../define-constraint';
import { checkAxis } from '../internal/config';
import { NORM_EPSILON, norms } from '../internal/norms';

/** Options of `unitNorm` (Keras' `UnitNorm`). */
export type UnitNormConfig = {
  /** Axis or axes the norms are taken over (default 0: per column of a Dense kernel). */
  axis: number | number[];
};

const make = defineConstraint<UnitNormConfig>({
  className: 'UnitNorm',
  defaults: { axis: 0 },
  validate: (c) => {
    checkAxis('UnitNorm', 'axis', c.axis);
  },
  apply: (w, { axis }) => div(w, add(norms('UnitNorm', w, axis), NORM_EPSILON)),
});

/**
 * Scales every slice of `w` over `axis` to unit Euclidean norm (Keras' `UnitNorm`:
 * `w / (ε + ‖w‖)`, ε = 1e-7, so a norm lands within ~1e-7 of 1 and an all-zero slice stays
 * zero). `axis` defaults to 0 (per column of a Dense kernel).
 *
 * @example
 * new Dense({ units: 16, kernelConstraint: unitNorm() });
 * unitNorm({ axis: [0, 1, 2] }); // per filter of a Conv2D kernel
 */
export function unitNorm(options: Partial<UnitNormConfig> = {}): WeightConstraint<UnitNormConfig> {
  return make(options);
}
