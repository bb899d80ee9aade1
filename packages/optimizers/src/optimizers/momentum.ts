import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';
import { trace } from '../transforms/trace';

/** Options of `momentum`. */
export interface MomentumOptions {
  /** Default 0.01. */
  learningRate?: number | Schedule;
  /** Default 0.9. */
  momentum?: number | Schedule;
  /** PyTorch's dampening. Default 0. */
  dampening?: number | Schedule;
  /** L2 penalty added to the gradient. Default 0. */
  weightDecay?: number | Schedule;
}

/**
 * SGD with (heavy-ball) momentum, as PyTorch's `SGD(momentum=…)`:
 * `chain(addDecayedWeights(wd), trace({ decay: momentum, dampening }), scaleByLearningRate(lr))`.
 *
 * @example
 * const tx = momentum({ learningRate: 0.01, momentum: 0.9 });
 */
export function momentum(options: MomentumOptions = {}): GradientTransform<HyperparamState> {
  return namedOptimizer(
    'momentum',
    options,
    {
      learningRate: { default: 0.01, range: 'nonNegative' },
      momentum: { default: 0.9, range: 'closedUnit' },
      dampening: { default: 0, range: 'closedUnit' },
      weightDecay: { default: 0, range: 'nonNegative' },
    },
    [],
    (h) =>
      chain(
        addDecayedWeights(h.weightDecay),
        trace({ decay: h.momentum, dampening: h.dampening }),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
