import { add, div, mul, sqrt, square, sub } from '@descent/core';
import {
  type GradientTransform,
  InvalidHyperparameterError,
  perParameter,
  type SlotState,
} from '@descent/optimizers';

export interface ScaleByBeliefOptions {
  /** Decay of the gradient's running mean. Default 0.9. */
  beta1?: number;
  /** Decay of the running "belief" (the squared distance of the gradient from its mean). Default 0.999. */
  beta2?: number;
  /** Added to the belief each step and to the denominator. Default 1e-16. */
  eps?: number;
}

/**
 * AdaBelief's rescaling (Zhuang et al., NeurIPS 2020, Algorithm 2):
 *
 *   m = β1·m + (1-β1)·g
 *   s = β2·s + (1-β2)·(g - m)² + ε
 *   update = (m / (1-β1^t)) / (sqrt(s / (1-β2^t)) + ε)
 *
 * Like Adam, but the step shrinks where the gradient agrees with its own running mean (a
 * confident "belief") and grows where it does not.
 */
export function scaleByBelief(options: ScaleByBeliefOptions = {}): GradientTransform<SlotState<'m' | 's'>> {
  const beta1 = inUnitInterval('beta1', options.beta1 ?? 0.9);
  const beta2 = inUnitInterval('beta2', options.beta2 ?? 0.999);
  const eps = options.eps ?? 1e-16;
  return perParameter({
    name: 'scaleByBelief',
    slots: ['m', 's'],
    step(g, slots, { t, scalar }) {
      const m = add(mul(slots.m, scalar(beta1)), mul(g, scalar(1 - beta1)));
      const s = add(add(mul(slots.s, scalar(beta2)), mul(square(sub(g, m)), scalar(1 - beta2))), scalar(eps));
      const mHat = div(m, scalar(1 - beta1 ** t));
      const sHat = div(s, scalar(1 - beta2 ** t));
      return { update: div(mHat, add(sqrt(sHat), scalar(eps))), slots: { m, s } };
    },
  });
}

function inUnitInterval(name: string, value: number): number {
  if (!(value >= 0 && value < 1)) {
    throw new InvalidHyperparameterError(
      'scaleByBelief',
      name,
      value,
      `hyperparameter "${name}" must be in [0, 1), got ${value}`,
    );
  }
  return value;
}
