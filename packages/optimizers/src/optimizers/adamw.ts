import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { flag, namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByAdam } from '../transforms/scale-by-adam';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';

/** Options of `adamw`. */
export interface AdamWOptions {
  /** Default 1e-3. */
  learningRate?: number | Schedule;
  /** Default 0.9. */
  beta1?: number | Schedule;
  /** Default 0.999. */
  beta2?: number | Schedule;
  /** Default 1e-8. */
  eps?: number | Schedule;
  /** Decoupled weight decay, multiplied by the learning rate. Default 1e-2. */
  weightDecay?: number | Schedule;
  /** AMSGrad variant. Default false. */
  amsgrad?: boolean;
}

/**
 * AdamW (Loshchilov & Hutter 2019), as PyTorch's `AdamW`: Adam with weight decay decoupled from
 * the gradient, `chain(scaleByAdam(…), addDecayedWeights(wd), scaleByLearningRate(lr))`, i.e.
 * `p ← p - lr·(adam + wd·p)`.
 *
 * @example
 * const tx = adamw({ learningRate: 1e-3, weightDecay: 0.01 });
 */
export function adamw(options: AdamWOptions = {}): GradientTransform<HyperparamState> {
  const amsgrad = flag('adamw', options, 'amsgrad');
  return namedOptimizer(
    'adamw',
    options,
    {
      learningRate: { default: 1e-3, range: 'nonNegative' },
      beta1: { default: 0.9, range: 'unitInterval' },
      beta2: { default: 0.999, range: 'unitInterval' },
      eps: { default: 1e-8, range: 'nonNegative' },
      weightDecay: { default: 1e-2, range: 'nonNegative' },
    },
    ['amsgrad'],
    (h) =>
      chain(
        scaleByAdam({ beta1: h.beta1, beta2: h.beta2, eps: h.eps, amsgrad }),
        addDecayedWeights(h.weightDecay),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
