import { abs, add, checkOptions, div, maximum, mul } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

/** Options of `scaleByAdamax`. */
export interface ScaleByAdamaxOptions {
  /** Decay of the first moment. Default 0.9. */
  beta1?: number;
  /** Decay of the infinity norm. Default 0.999. */
  beta2?: number;
  /** Added to |g| inside the maximum, as PyTorch does. Default 1e-8. */
  eps?: number;
}

/**
 * Adamax's rescaling (Kingma & Ba 2015, §7.1, as in PyTorch): `m = β1·m + (1-β1)·g`,
 * `u = max(β2·u, |g| + eps)`, update `(m / (1-β1^t)) / u`.
 *
 * @example
 * chain(scaleByAdamax(), scaleByLearningRate(2e-3));
 */
export function scaleByAdamax(
  options: ScaleByAdamaxOptions = {},
): GradientTransform<SlotState<'mu' | 'infNorm'>> {
  const name = 'scaleByAdamax';
  checkOptions(name, options);
  const b1 = checkHyperparam(name, 'beta1', options.beta1 ?? 0.9, 'unitInterval');
  const b2 = checkHyperparam(name, 'beta2', options.beta2 ?? 0.999, 'unitInterval');
  const eps = checkHyperparam(name, 'eps', options.eps ?? 1e-8, 'nonNegative');
  return perParameter({
    name,
    slots: ['mu', 'infNorm'],
    step(g, slots, { t, scalar }) {
      const mu = add(mul(slots.mu, scalar(b1)), mul(g, scalar(1 - b1)));
      const infNorm = maximum(mul(slots.infNorm, scalar(b2)), add(abs(g), scalar(eps)));
      return { update: div(div(mu, scalar(1 - b1 ** t)), infNorm), slots: { mu, infNorm } };
    },
  });
}
