import { add, checkOptions, div, fill, sqrt, square } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

/** Options of `scaleByAdagrad`. */
export interface ScaleByAdagradOptions {
  /** Starting value of the sum of squares. Default 0. */
  initialAccumulatorValue?: number;
  /** Added to the root. Default 1e-10. */
  eps?: number;
}

/**
 * Adagrad's rescaling (Duchi et al. 2011, as in PyTorch): `sum += g²`, update
 * `g / (sqrt(sum) + eps)`.
 *
 * @example
 * chain(scaleByAdagrad(), scaleByLearningRate(0.01));
 */
export function scaleByAdagrad(options: ScaleByAdagradOptions = {}): GradientTransform<SlotState<'sum'>> {
  const name = 'scaleByAdagrad';
  checkOptions(name, options);
  const init = checkHyperparam(
    name,
    'initialAccumulatorValue',
    options.initialAccumulatorValue ?? 0,
    'nonNegative',
  );
  const eps = checkHyperparam(name, 'eps', options.eps ?? 1e-10, 'nonNegative');
  return perParameter({
    name,
    slots: ['sum'],
    initSlot: (_, p) => fill(p.runtime, p.shape, init, p.dtype, { backend: p.backendName }),
    step(g, slots, { scalar }) {
      const sum = add(slots.sum, square(g));
      return { update: div(g, add(sqrt(sum), scalar(eps))), slots: { sum } };
    },
  });
}
