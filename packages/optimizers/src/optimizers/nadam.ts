import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';
import { scaleByNadam } from '../transforms/scale-by-nadam';

/** Options of `nadam`. */
export interface NadamOptions {
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
  /** ψ of the momentum schedule. Default 4e-3. */
  momentumDecay?: number | Schedule;
}

/**
 * NAdam (Dozat 2016), as PyTorch documents `NAdam`:
 * `chain(addDecayedWeights(wd), scaleByNadam({ beta1, beta2, eps, momentumDecay }), scaleByLearningRate(lr))`.
 * Follows the documented rule where torch 1.13's code differs (see `scaleByNadam`).
 *
 * @example
 * const tx = nadam({ learningRate: 2e-3 });
 */
export function nadam(options: NadamOptions = {}): GradientTransform<HyperparamState> {
  return namedOptimizer(
    'nadam',
    options,
    {
      learningRate: { default: 2e-3, range: 'nonNegative' },
      beta1: { default: 0.9, range: 'unitInterval' },
      beta2: { default: 0.999, range: 'unitInterval' },
      eps: { default: 1e-8, range: 'nonNegative' },
      weightDecay: { default: 0, range: 'nonNegative' },
      momentumDecay: { default: 4e-3, range: 'nonNegative' },
    },
    [],
    (h) =>
      chain(
        addDecayedWeights(h.weightDecay),
        scaleByNadam({ beta1: h.beta1, beta2: h.beta2, eps: h.eps, momentumDecay: h.momentumDecay }),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
