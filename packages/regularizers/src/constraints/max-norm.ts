import { add, clip, div, mul } from '@descent/core';
import { checkCoefficient } from '../check-coefficient';
import { defineConstraint, type WeightConstraint } from '../define-constraint';
import { checkAxis } from '../internal/config';
import { NORM_EPSILON, norms } from '../internal/norms';

/** Options of `maxNorm` (Keras' `MaxNorm`). */
export type MaxNormConfig = {
  /** Largest norm allowed (Keras' `max_value`, default 2). */
  maxValue: number;
  /** Axis or axes the norms are taken over (default 0: per column of a Dense kernel). */
  axis: number | number[];
};

const make = defineConstraint<MaxNormConfig>({
  className: 'MaxNorm',
  defaults: { maxValue: 2, axis: 0 },
  validate: (c) => {
    checkCoefficient('MaxNorm', 'maxValue', c.maxValue);
    checkAxis('MaxNorm', 'axis', c.axis);
  },
  apply: (w, { maxValue, axis }) => {
    const n = norms('MaxNorm', w, axis);
    return mul(w, div(clip(n, 0, maxValue), add(n, NORM_EPSILON)));
  },
});

/**
 * Rescales every slice of `w` whose Euclidean norm over `axis` exceeds `maxValue` down to it
 * (Keras' `MaxNorm`: `w · clip(‖w‖, 0, max) / (ε + ‖w‖)`, ε = 1e-7). `axis` defaults to 0:
 * per output unit (column) of a Dense kernel `[in, out]`; use `[0, 1, 2]` for a Conv2D HWIO
 * kernel. Defaults: `maxValue` 2, `axis` 0. Takes `(maxValue, { axis })` or a config.
 *
 * @example
 * new Dense({ units: 64, kernelConstraint: maxNorm(3) });
 * new Conv2D({ filters: 8, kernelSize: 3, kernelConstraint: maxNorm(2, { axis: [0, 1, 2] }) });
 */
export function maxNorm(
  maxValue?: number,
  options?: { axis?: number | number[] },
): WeightConstraint<MaxNormConfig>;
export function maxNorm(config: Partial<MaxNormConfig>): WeightConstraint<MaxNormConfig>;
export function maxNorm(
  maxValue: number | Partial<MaxNormConfig> = {},
  options: { axis?: number | number[] } = {},
): WeightConstraint<MaxNormConfig> {
  return make(typeof maxValue === 'number' ? { ...options, maxValue } : maxValue);
}
