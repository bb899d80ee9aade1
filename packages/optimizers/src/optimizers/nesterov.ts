import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';
import { trace } from '../transforms/trace';

/** Options of `nesterov`. */
export interface NesterovOptions {
  /** Default 0.01. */
  learningRate?: number | Schedule;
  /** Default 0.9. */
  momentum?: number | Schedule;
  /** L2 penalty added to the gradient. Default 0. */
  weightDecay?: number | Schedule;
}

/**
 * SGD with Nesterov momentum, as PyTorch's `SGD(momentum=…, nesterov=True)`:
 * `chain(addDecayedWeights(wd), trace({ decay: momentum, nesterov: true }), scaleByLearningRate(lr))`.
 *
 * @example
 * const tx = nesterov({ learningRate: 0.01, momentum: 0.9 });
 */
export function nesterov(options: NesterovOptions = {}): GradientTransform<HyperparamState> {
  return namedOptimizer(
    'nesterov',
    options,
    {
      learningRate: { default: 0.01, range: 'nonNegative' },
      momentum: { default: 0.9, range: 'closedUnit' },
      weightDecay: { default: 0, range: 'nonNegative' },
    },
    [],
    (h) =>
      chain(
        addDecayedWeights(h.weightDecay),
        trace({ decay: h.momentum, nesterov: true }),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
