import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';

/** Options of `sgd`. */
export interface SgdOptions {
  /** Default 0.01. */
  learningRate?: number | Schedule;
  /** L2 penalty added to the gradient (PyTorch's `weight_decay`). Default 0. */
  weightDecay?: number | Schedule;
}

/**
 * Plain gradient descent, `p ← p - lr·(g + wd·p)` (PyTorch's `SGD` without momentum). Whether it
 * is stochastic, mini-batch or full-batch is the trainer's batch size.
 * `chain(addDecayedWeights(wd), scaleByLearningRate(lr))`, hyperparameters held in state.
 *
 * @example
 * const tx = sgd({ learningRate: 0.1 });
 */
export function sgd(options: SgdOptions = {}): GradientTransform<HyperparamState> {
  return namedOptimizer(
    'sgd',
    options,
    {
      learningRate: { default: 0.01, range: 'nonNegative' },
      weightDecay: { default: 0, range: 'nonNegative' },
    },
    [],
    (h) => chain(addDecayedWeights(h.weightDecay), scaleByLearningRate(h.learningRate)),
  );
}
