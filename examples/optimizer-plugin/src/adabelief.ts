import {
  addDecayedWeights,
  chain,
  type GradientTransform,
  type HyperparamState,
  injectHyperparams,
  type Schedule,
  scaleByLearningRate,
} from '@descent/optimizers';
import { scaleByBelief } from './scale-by-belief';

export interface AdaBeliefOptions {
  /** Default 1e-3. */
  learningRate?: number | Schedule;
  /** Default 0.9. */
  beta1?: number | Schedule;
  /** Default 0.999. */
  beta2?: number | Schedule;
  /** Default 1e-16 (the official implementation's). */
  eps?: number | Schedule;
  /** Decoupled weight decay, as in AdamW. Default 0. */
  weightDecay?: number | Schedule;
}

/**
 * The AdaBelief optimizer, built exactly like the named optimizers of `@descent/optimizers`: a
 * chain of building blocks, with its hyperparameters held in state (so a schedule or a callback
 * can change them, and `setHyperparams` works on it).
 */
export function adabelief(options: AdaBeliefOptions = {}): GradientTransform<HyperparamState> {
  return injectHyperparams(
    (h) =>
      chain(
        scaleByBelief({ beta1: h.beta1, beta2: h.beta2, eps: h.eps }),
        addDecayedWeights(h.weightDecay),
        scaleByLearningRate(h.learningRate),
      ),
    {
      learningRate: options.learningRate ?? 1e-3,
      beta1: options.beta1 ?? 0.9,
      beta2: options.beta2 ?? 0.999,
      eps: options.eps ?? 1e-16,
      weightDecay: options.weightDecay ?? 0,
    },
    {
      name: 'adabelief',
      ranges: {
        learningRate: 'nonNegative',
        beta1: 'unitInterval',
        beta2: 'unitInterval',
        eps: 'nonNegative',
        weightDecay: 'nonNegative',
      },
    },
  );
}
