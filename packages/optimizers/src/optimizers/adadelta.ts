import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByAdadelta } from '../transforms/scale-by-adadelta';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';

/** Options of `adadelta`. */
export interface AdadeltaOptions {
  /** Default 1. */
  learningRate?: number | Schedule;
  /** Default 0.9. */
  rho?: number | Schedule;
  /** Default 1e-6. */
  eps?: number | Schedule;
  /** L2 penalty added to the gradient. Default 0. */
  weightDecay?: number | Schedule;
}

/**
 * Adadelta (Zeiler 2012), as PyTorch's `Adadelta`:
 * `chain(addDecayedWeights(wd), scaleByAdadelta({ rho, eps }), scaleByLearningRate(lr))`.
 *
 * @example
 * const tx = adadelta({ rho: 0.95 });
 */
export function adadelta(options: AdadeltaOptions = {}): GradientTransform<HyperparamState> {
  return namedOptimizer(
    'adadelta',
    options,
    {
      learningRate: { default: 1, range: 'nonNegative' },
      rho: { default: 0.9, range: 'unitInterval' },
      eps: { default: 1e-6, range: 'nonNegative' },
      weightDecay: { default: 0, range: 'nonNegative' },
    },
    [],
    (h) =>
      chain(
        addDecayedWeights(h.weightDecay),
        scaleByAdadelta({ rho: h.rho, eps: h.eps }),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
