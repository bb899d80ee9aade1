import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { flag, namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByAdam } from '../transforms/scale-by-adam';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';

/** Options of `adam`. */
export interface AdamOptions {
  /** Default 1e-3. */
  learningRate?: number | Schedule;
  /** Default 0.9. */
  beta1?: number | Schedule;
  /** Default 0.999. */
  beta2?: number | Schedule;
  /** Default 1e-8. */
  eps?: number | Schedule;
  /** L2 penalty added to the gradient (PyTorch's Adam `weight_decay`; for decoupled decay use `adamw`). Default 0. */
  weightDecay?: number | Schedule;
  /** AMSGrad variant. Default false. */
  amsgrad?: boolean;
}

/**
 * Adam (Kingma & Ba 2015), as PyTorch's `Adam`:
 * `chain(addDecayedWeights(wd), scaleByAdam({ beta1, beta2, eps, amsgrad }), scaleByLearningRate(lr))`.
 *
 * @example
 * const tx = adam({ learningRate: 1e-3 });
 * const warm = adam({ learningRate: linearWarmup(cosineDecay({ initValue: 1e-3, decaySteps: 1000 }), { warmupSteps: 100 }) });
 */
export function adam(options: AdamOptions = {}): GradientTransform<HyperparamState> {
  const amsgrad = flag('adam', options, 'amsgrad');
  return namedOptimizer(
    'adam',
    options,
    {
      learningRate: { default: 1e-3, range: 'nonNegative' },
      beta1: { default: 0.9, range: 'unitInterval' },
      beta2: { default: 0.999, range: 'unitInterval' },
      eps: { default: 1e-8, range: 'nonNegative' },
      weightDecay: { default: 0, range: 'nonNegative' },
    },
    ['amsgrad'],
    (h) =>
      chain(
        addDecayedWeights(h.weightDecay),
        scaleByAdam({ beta1: h.beta1, beta2: h.beta2, eps: h.eps, amsgrad }),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
