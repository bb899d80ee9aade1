import { add, clip, div, mul } from '@descent/core';
import { checkCoefficient } from '../check-coefficient';
import { defineConstraint, type WeightConstraint } from '../define-constraint';
import { RegularizerConfigError } from '../errors';
import { checkAxis } from '../internal/config';
import { NORM_EPSILON, norms } from '../internal/norms';

/** Options of `minMaxNorm` (Keras' `MinMaxNorm`). */
export type MinMaxNormConfig = {
  /** Smallest norm allowed (default 0). */
  minValue: number;
  /** Largest norm allowed (default 1). */
  maxValue: number;
  /** How far each step moves toward the range, in (0, 1] (default 1: all the way). */
  rate: number;
  /** Axis or axes the norms are taken over (default 0: per column of a Dense kernel). */
  axis: number | number[];
};

const make = defineConstraint<MinMaxNormConfig>({
  className: 'MinMaxNorm',
  defaults: { minValue: 0, maxValue: 1, rate: 1, axis: 0 },
  validate: (c) => {
    const lo = checkCoefficient('MinMaxNorm', 'minValue', c.minValue);
    const hi = checkCoefficient('MinMaxNorm', 'maxValue', c.maxValue);
    if (hi < lo)
      throw new RegularizerConfigError(
        'MinMaxNorm',
        'maxValue',
        hi,
        `maxValue must be >= minValue, got minValue ${lo} and maxValue ${hi}`,
      );
    if (typeof c.rate !== 'number' || !(c.rate > 0 && c.rate <= 1))
      throw new RegularizerConfigError('MinMaxNorm', 'rate', c.rate, `rate must be in (0, 1], got ${c.rate}`);
    checkAxis('MinMaxNorm', 'axis', c.axis);
  },
  apply: (w, { minValue, maxValue, rate, axis }) => {
    const n = norms('MinMaxNorm', w, axis);
    const clipped = clip(n, minValue, maxValue);
    const desired = rate === 1 ? clipped : add(mul(clipped, rate), mul(n, 1 - rate));
    return mul(w, div(desired, add(n, NORM_EPSILON)));
  },
});

/**
 * Keeps the Euclidean norm of every slice of `w` over `axis` within `[minValue, maxValue]`
 * (Keras' `MinMaxNorm`: `w · (rate·clip(‖w‖, min, max) + (1 − rate)·‖w‖) / (ε + ‖w‖)`).
 * `rate` 1 (default) enforces the interval at once; `rate < 1` moves norms part of the way
 * each step. An all-zero slice stays zero (it has no direction to scale). Defaults: `minValue`
 * 0, `maxValue` 1, `rate` 1, `axis` 0.
 *
 * @example
 * new Dense({ units: 32, kernelConstraint: minMaxNorm({ minValue: 0.5, maxValue: 1 }) });
 */
export function minMaxNorm(options: Partial<MinMaxNormConfig> = {}): WeightConstraint<MinMaxNormConfig> {
  return make(options);
}
