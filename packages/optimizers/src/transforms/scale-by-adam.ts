import { adamApply, adamUpdate, checkOptions, type Tensor } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

/** Options of `scaleByAdam`. */
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
  checkOptions(name, options);
  const b1 = checkHyperparam(name, 'beta1', options.beta1 ?? 0.9, 'unitInterval');
  const b2 = checkHyperparam(name, 'beta2', options.beta2 ?? 0.999, 'unitInterval');
  const eps = checkHyperparam(name, 'eps', options.eps ?? 1e-8, 'nonNegative');
  // The op's hyperparameters at step t as one object literal: building them with an object
  // spread cost about 1 µs per parameter and step. The op ignores an undefined vMax or applyScale.
  const attrs = <S extends number | undefined>(
    t: number,
    amsgrad: boolean,
    vMax: Tensor | undefined,
    applyScale: S,
  ) => ({
    beta1: b1,
    beta2: b2,
    eps,
    biasCorrection1: 1 - b1 ** t,
    biasCorrection2Sqrt: Math.sqrt(1 - b2 ** t),
    amsgrad,
    vMax,
    applyScale,
  });
  // adamUpdate is one pass on backends with a fused kernel (the CPU backend), else the composite.
  if (options.amsgrad) {
    return perParameter({
      name,
      slots: ['mu', 'nu', 'vMax'],
      step(g, slots, { t }) {
        const r = adamUpdate(g, slots.mu, slots.nu, attrs(t, true, slots.vMax, undefined));
        return { update: r.update, slots: { mu: r.mu, nu: r.nu, vMax: r.vMax! } };
      },
      applyStep(p, g, slots, { t }, applyScale) {
        const r = adamApply(p, g, slots.mu, slots.nu, attrs(t, true, slots.vMax, applyScale));
        return { param: r.param, slots: { mu: r.mu, nu: r.nu, vMax: r.vMax! } };
      },
    });
  }
  return perParameter({
    name,
    slots: ['mu', 'nu'],
    step(g, slots, { t }) {
      const r = adamUpdate(g, slots.mu, slots.nu, attrs(t, false, undefined, undefined));
      return { update: r.update, slots: { mu: r.mu, nu: r.nu } };
    },
    // With a learning rate after it in a chain: Adam, the rate and the parameter update in one kernel.
    applyStep(p, g, slots, { t }, applyScale) {
      const r = adamApply(p, g, slots.mu, slots.nu, attrs(t, false, undefined, applyScale));
      return { param: r.param, slots: { mu: r.mu, nu: r.nu } };
    },
  });
}
