import { add, checkOptions, div, maximum, mul, sqrt, square, sub } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

/** Options of `scaleByRms`. */
export interface ScaleByRmsOptions {
  /** Decay of the running mean of squared gradients (PyTorch's `alpha`). Default 0.99. */
  decay?: number;
  /** Added to the root (outside the square root, as PyTorch does). Default 1e-8. */
  eps?: number;
  /** Centered RMSprop: divide by the running standard deviation instead of the root mean square. Default false. */
  centered?: boolean;
}

/**
 * RMSprop's rescaling (Hinton's lecture 6e, as in PyTorch): `nu = decay·nu + (1-decay)·g²`,
 * update `g / (sqrt(nu) + eps)`; centered, also `mu = decay·mu + (1-decay)·g` and update
 * `g / (sqrt(nu - mu²) + eps)` (the variance clamped at 0 against rounding).
 *
 * @example
 * chain(scaleByRms({ centered: true }), scaleByLearningRate(0.01));
 */
export function scaleByRms(
  options: ScaleByRmsOptions = {},
): GradientTransform<SlotState<'nu'> | SlotState<'nu' | 'mu'>> {
  const name = 'scaleByRms';
  checkOptions(name, options);
  const decay = checkHyperparam(name, 'decay', options.decay ?? 0.99, 'unitInterval');
  const eps = checkHyperparam(name, 'eps', options.eps ?? 1e-8, 'nonNegative');
  if (options.centered) {
    return perParameter({
      name,
      slots: ['nu', 'mu'],
      step(g, slots, { scalar }) {
        const nu = add(mul(slots.nu, scalar(decay)), mul(square(g), scalar(1 - decay)));
        const mu = add(mul(slots.mu, scalar(decay)), mul(g, scalar(1 - decay)));
        const std = sqrt(maximum(sub(nu, square(mu)), scalar(0)));
        return { update: div(g, add(std, scalar(eps))), slots: { nu, mu } };
      },
    });
  }
  return perParameter({
    name,
    slots: ['nu'],
    step(g, slots, { scalar }) {
      const nu = add(mul(slots.nu, scalar(decay)), mul(square(g), scalar(1 - decay)));
      return { update: div(g, add(sqrt(nu), scalar(eps))), slots: { nu } };
    },
  });
}
