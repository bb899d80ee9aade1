import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';
import { scaleByLion } from '../transforms/scale-by-lion';

/** Options of `lion`. */
export interface LionOptions {
  /** Default 1e-4 (Lion wants a learning rate 3-10× smaller than AdamW's). */
  learningRate?: number | Schedule;
  /** Default 0.9. */
  beta1?: number | Schedule;
  /** Default 0.99. */
  beta2?: number | Schedule;
  /** Decoupled weight decay, multiplied by the learning rate. Default 0. */
  weightDecay?: number | Schedule;
}

/**
 * Lion (Chen et al. 2023, Algorithm 2): `p ← p - lr·(sign(β1·m + (1-β1)·g) + wd·p)`,
 * `m ← β2·m + (1-β2)·g`; `chain(scaleByLion({ beta1, beta2 }), addDecayedWeights(wd), scaleByLearningRate(lr))`.
 *
 * @example
 * const tx = lion({ learningRate: 1e-4, weightDecay: 1 });
 */
export function lion(options: LionOptions = {}): GradientTransform<HyperparamState> {
  return namedOptimizer(
    'lion',
    options,
    {
      learningRate: { default: 1e-4, range: 'nonNegative' },
      beta1: { default: 0.9, range: 'closedUnit' },
      beta2: { default: 0.99, range: 'closedUnit' },
      weightDecay: { default: 0, range: 'nonNegative' },
    },
    [],
    (h) =>
      chain(
        scaleByLion({ beta1: h.beta1, beta2: h.beta2 }),
        addDecayedWeights(h.weightDecay),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
