import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByAdamax } from '../transforms/scale-by-adamax';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';

/** Options of `adamax`. */
export interface AdamaxOptions {
  /** Default 2e-3. */
  learningRate?: number | Schedule;
  /** Default 0.9. */
  beta1?: number | Schedule;
  /** Default 0.999. */
  beta2?: number | Schedule;
  /** Default 1e-8. */
  eps?: number | Schedule;
  /** L2 penalty added to the gradient. Default 0. */
  weightDecay?: number | Schedule;
}

/**
 * Adamax (Kingma & Ba 2015, §7.1), as PyTorch's `Adamax`:
 * `chain(addDecayedWeights(wd), scaleByAdamax({ beta1, beta2, eps }), scaleByLearningRate(lr))`.
 *
 * @example
 * const tx = adamax({ learningRate: 2e-3 });
 */
export function adamax(options: AdamaxOptions = {}): GradientTransform<HyperparamState> {
  return namedOptimizer(
    'adamax',
    options,
    {
      learningRate: { default: 2e-3, range: 'nonNegative' },
      beta1: { default: 0.9, range: 'unitInterval' },
      beta2: { default: 0.999, range: 'unitInterval' },
      eps: { default: 1e-8, range: 'nonNegative' },
      weightDecay: { default: 0, range: 'nonNegative' },
    },
    [],
    (h) =>
      chain(
        addDecayedWeights(h.weightDecay),
        scaleByAdamax({ beta1: h.beta1, beta2: h.beta2, eps: h.eps }),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
