import { add, checkOptions, mul, sign } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

/** Options of `scaleByLion`. */
export interface ScaleByLionOptions {
  /** Interpolation between momentum and gradient for the update's sign. Default 0.9. */
  beta1?: number;
  /** Decay of the momentum. Default 0.99. */
  beta2?: number;
}

/**
 * Lion's rescaling (Chen et al. 2023, Algorithm 2): update `sign(β1·m + (1-β1)·g)`, then
 * `m = β2·m + (1-β2)·g`. Every update element is ±1 (or 0), so pair it with a small learning rate.
 *
 * @example
 * chain(scaleByLion(), addDecayedWeights(0.1), scaleByLearningRate(1e-4)); // lion()
 */
export function scaleByLion(options: ScaleByLionOptions = {}): GradientTransform<SlotState<'mu'>> {
  const name = 'scaleByLion';
  checkOptions(name, options);
  const b1 = checkHyperparam(name, 'beta1', options.beta1 ?? 0.9, 'closedUnit');
  const b2 = checkHyperparam(name, 'beta2', options.beta2 ?? 0.99, 'closedUnit');
  return perParameter({
    name,
    slots: ['mu'],
    step(g, slots, { scalar }) {
      const update = sign(add(mul(slots.mu, scalar(b1)), mul(g, scalar(1 - b1))));
      const mu = add(mul(slots.mu, scalar(b2)), mul(g, scalar(1 - b2)));
      return { update, slots: { mu } };
    },
  });
}
