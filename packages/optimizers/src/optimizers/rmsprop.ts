import { checkOptions } from '@descent/core';
import { chain } from '../chain';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { flag, namedOptimizer } from '../internal/named';
import { addDecayedWeights } from '../transforms/add-decayed-weights';
import type { HyperparamState } from '../transforms/inject-hyperparams';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate';
import { scaleByRms } from '../transforms/scale-by-rms';
import { trace } from '../transforms/trace';

/** Options of `rmsprop`. */
export interface RmspropOptions {
  /** Default 0.01. */
  learningRate?: number | Schedule;
  /** Decay of the mean square (PyTorch's `alpha`). Default 0.99. */
  decay?: number | Schedule;
  /** Default 1e-8. */
  eps?: number | Schedule;
  /** L2 penalty added to the gradient. Default 0. */
  weightDecay?: number | Schedule;
  /** Momentum on the rescaled gradient; a momentum buffer is kept only if this is given and not 0. Default 0. */
  momentum?: number | Schedule;
  /** Centered RMSprop. Default false. */
  centered?: boolean;
}

/**
 * RMSprop, as PyTorch's `RMSprop`:
 * `chain(addDecayedWeights(wd), scaleByRms({ decay, eps, centered }), [trace({ decay: momentum })], scaleByLearningRate(lr))`.
 *
 * @example
 * const tx = rmsprop({ learningRate: 0.01, centered: true, momentum: 0.9 });
 */
export function rmsprop(options: RmspropOptions = {}): GradientTransform<HyperparamState> {
  checkOptions('rmsprop', options);
  const centered = flag('rmsprop', options, 'centered');
  // The buffer is part of the state's structure, so whether to keep one is decided once.
  const withMomentum = options.momentum !== undefined && options.momentum !== 0;
  return namedOptimizer(
    'rmsprop',
    options,
    {
      learningRate: { default: 0.01, range: 'nonNegative' },
      decay: { default: 0.99, range: 'unitInterval' },
      eps: { default: 1e-8, range: 'nonNegative' },
      weightDecay: { default: 0, range: 'nonNegative' },
      momentum: { default: 0, range: 'closedUnit' },
    },
    ['centered'],
    (h) =>
      chain(
        addDecayedWeights(h.weightDecay),
        scaleByRms({ decay: h.decay, eps: h.eps, centered }),
        ...(withMomentum ? [trace({ decay: h.momentum })] : []),
        scaleByLearningRate(h.learningRate),
      ),
  );
}
