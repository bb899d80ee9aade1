import { add, div, maximum, mul, sqrt, square, type Tensor } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

export interface ScaleByAdamOptions {
  /** Decay of the first moment. Default 0.9. */
  beta1?: number;
  /** Decay of the second moment. Default 0.999. */
  beta2?: number;
  /** Added to the denominator. Default 1e-8. */
  eps?: number;
  /** AMSGrad: normalize by the running maximum of the second moment. Default false. */
  amsgrad?: boolean;
}

/**
 * Adam's rescaling (Kingma & Ba 2015): `m = β1·m + (1-β1)·g`, `v = β2·v + (1-β2)·g²`,
 * update `(m / (1-β1^t)) / (sqrt(v) / sqrt(1-β2^t) + eps)`. With `amsgrad` the denominator uses
 * the running maximum of `v` (kept in the `vMax` slot), as PyTorch does.
 *
 * @example
 * const adamLike = chain(scaleByAdam({ amsgrad: true }), scaleByLearningRate(1e-3));
 */
export function scaleByAdam(
  options: ScaleByAdamOptions = {},
): GradientTransform<SlotState<'mu' | 'nu'> | SlotState<'mu' | 'nu' | 'vMax'>> {
  const name = 'scaleByAdam';
  const b1 = checkHyperparam(name, 'beta1', options.beta1 ?? 0.9, 'unitInterval');
  const b2 = checkHyperparam(name, 'beta2', options.beta2 ?? 0.999, 'unitInterval');
  const eps = checkHyperparam(name, 'eps', options.eps ?? 1e-8, 'nonNegative');
  type S = (v: number) => Tensor;
  const moments = (g: Tensor, mu: Tensor, nu: Tensor, s: S) => ({
    mu: add(mul(mu, s(b1)), mul(g, s(1 - b1))),
    nu: add(mul(nu, s(b2)), mul(square(g), s(1 - b2))),
  });
  const scaled = (mu: Tensor, v: Tensor, t: number, s: S) =>
    div(div(mu, s(1 - b1 ** t)), add(div(sqrt(v), s(Math.sqrt(1 - b2 ** t))), s(eps)));
  if (options.amsgrad) {
    return perParameter({
      name,
      slots: ['mu', 'nu', 'vMax'],
      step(g, slots, { t, scalar }) {
        const { mu, nu } = moments(g, slots.mu, slots.nu, scalar);
        const vMax = maximum(slots.vMax, nu);
        return { update: scaled(mu, vMax, t, scalar), slots: { mu, nu, vMax } };
      },
    });
  }
  return perParameter({
    name,
    slots: ['mu', 'nu'],
    step(g, slots, { t, scalar }) {
      const { mu, nu } = moments(g, slots.mu, slots.nu, scalar);
      return { update: scaled(mu, nu, t, scalar), slots: { mu, nu } };
    },
  });
}
