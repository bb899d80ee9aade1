import { checkOptions } from '@descent/core';
import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByAdagrad } from '../transforms/scale-by-adagrad';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';

/** Options of `adagrad`. */
export interface AdagradOptions {
  /** Default 0.01. */
  learningRate?: number | Schedule;
  /** Learning-rate decay: step t (from 0) uses `lr / (1 + t·lrDecay)`. Default 0. */
  lrDecay?: number | Schedule;
  /** L2 penalty added to the gradient. Default 0. */
  weightDecay?: number | Schedule;
  /** Starting sum of squares (used at init only). Default 0. */
  initialAccumulatorValue?: number;
  /** Default 1e-10. */
  eps?: number | Schedule;
}

/**
 * Adagrad (Duchi et al. 2011), as PyTorch's `Adagrad`:
 * `chain(addDecayedWeights(wd), scaleByAdagrad({ initialAccumulatorValue, eps }), scaleByLearningRate(lr / (1 + t·lrDecay)))`.
 *
 * @example
 * const tx = adagrad({ learningRate: 0.1 });
 */
export function adagrad(options: AdagradOptions = {}): GradientTransform<HyperparamState> {
  checkOptions('adagrad', options);
  const initialAccumulatorValue = checkHyperparam(
    'adagrad',
    'initialAccumulatorValue',
    options.initialAccumulatorValue ?? 0,
    'nonNegative',
  );
  return namedOptimizer(
    'adagrad',
    options,
    {
      learningRate: { default: 0.01, range: 'nonNegative' },
      lrDecay: { default: 0, range: 'nonNegative' },
      weightDecay: { default: 0, range: 'nonNegative' },
      eps: { default: 1e-10, range: 'nonNegative' },
    },
    ['initialAccumulatorValue'],
    (h, step) =>
      chain(
        addDecayedWeights(h.weightDecay),
        scaleByAdagrad({ initialAccumulatorValue, eps: h.eps }),
        scaleByLearningRate(h.learningRate / (1 + step * h.lrDecay)),
      ),
  );
}
