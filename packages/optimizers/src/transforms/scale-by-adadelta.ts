import { add, checkOptions, div, mul, sqrt, square } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

/** Options of `scaleByAdadelta`. */
export interface ScaleByAdadeltaOptions {
  /** Decay of both running averages. Default 0.9. */
  rho?: number;
  /** Added inside both roots. Default 1e-6. */
  eps?: number;
}

/**
 * Adadelta's rescaling (Zeiler 2012, as in PyTorch): `v = ρ·v + (1-ρ)·g²`,
 * `Δ = sqrt(u + eps) / sqrt(v + eps) · g`, `u = ρ·u + (1-ρ)·Δ²`; the update is `Δ`.
 *
 * @example
 * chain(scaleByAdadelta({ rho: 0.95 }), scaleByLearningRate(1));
 */
export function scaleByAdadelta(
  options: ScaleByAdadeltaOptions = {},
): GradientTransform<SlotState<'nu' | 'delta'>> {
  const name = 'scaleByAdadelta';
  checkOptions(name, options);
  const rho = checkHyperparam(name, 'rho', options.rho ?? 0.9, 'unitInterval');
  const eps = checkHyperparam(name, 'eps', options.eps ?? 1e-6, 'nonNegative');
  return perParameter({
    name,
    slots: ['nu', 'delta'],
    step(g, slots, { scalar }) {
      const nu = add(mul(slots.nu, scalar(rho)), mul(square(g), scalar(1 - rho)));
      const update = mul(div(sqrt(add(slots.delta, scalar(eps))), sqrt(add(nu, scalar(eps)))), g);
      const delta = add(mul(slots.delta, scalar(rho)), mul(square(update), scalar(1 - rho)));
      return { update, slots: { nu, delta } };
    },
  });
}
