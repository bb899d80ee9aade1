import { add, checkOptions, div, mul, sqrt, square } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

/** Options of `scaleByNadam`. */
export interface ScaleByNadamOptions {
  /** Decay of the first moment. Default 0.9. */
  beta1?: number;
  /** Decay of the second moment. Default 0.999. */
  beta2?: number;
  /** Added to the denominator. Default 1e-8. */
  eps?: number;
  /** ψ of the momentum schedule `μ_t = β1·(1 - 0.5·0.96^(t·ψ))`. Default 4e-3. */
  momentumDecay?: number;
}

/**
 * NAdam's rescaling (Dozat 2016, with the momentum schedule, as documented by PyTorch):
 * `μ_t = β1·(1 - ½·0.96^(tψ))`, `m = β1·m + (1-β1)·g`, `v = β2·v + (1-β2)·g²`,
 * `d = sqrt(v / (1-β2^t)) + eps`, update
 * `(1-μ_t)/(1-Π_{i≤t} μ_i) · g/d + μ_{t+1}/(1-Π_{i≤t+1} μ_i) · m/d`. The product `Π μ_i` is
 * kept in state as `muProduct`.
 *
 * PyTorch 1.13's code multiplies μ_t into the second product twice (fixed in torch 2.0); this
 * follows the documented rule.
 *
 * @example
 * chain(scaleByNadam(), scaleByLearningRate(2e-3));
 */
export function scaleByNadam(
  options: ScaleByNadamOptions = {},
): GradientTransform<SlotState<'mu' | 'nu', { muProduct: number }>> {
  const name = 'scaleByNadam';
  checkOptions(name, options);
  const b1 = checkHyperparam(name, 'beta1', options.beta1 ?? 0.9, 'unitInterval');
  const b2 = checkHyperparam(name, 'beta2', options.beta2 ?? 0.999, 'unitInterval');
  const eps = checkHyperparam(name, 'eps', options.eps ?? 1e-8, 'nonNegative');
  const psi = checkHyperparam(name, 'momentumDecay', options.momentumDecay ?? 4e-3, 'nonNegative');
  const muAt = (t: number) => b1 * (1 - 0.5 * 0.96 ** (t * psi));
  return perParameter({
    name,
    slots: ['mu', 'nu'],
    extra: { muProduct: 1 },
    advance: (t, { muProduct }) => ({ muProduct: muProduct * muAt(t) }),
    step(g, slots, { t, after, scalar }) {
      const muT = muAt(t);
      const muNext = muAt(t + 1);
      const mu = add(mul(slots.mu, scalar(b1)), mul(g, scalar(1 - b1)));
      const nu = add(mul(slots.nu, scalar(b2)), mul(square(g), scalar(1 - b2)));
      const denom = add(sqrt(div(nu, scalar(1 - b2 ** t))), scalar(eps));
      const gradPart = mul(div(g, denom), scalar((1 - muT) / (1 - after.muProduct)));
      const momentumPart = mul(div(mu, denom), scalar(muNext / (1 - after.muProduct * muNext)));
      return { update: add(gradPart, momentumPart), slots: { mu, nu } };
    },
  });
}
