import type { GradientTransform, Schedule } from '../gradient-transform';
import { type CountState, scaledBy } from '../internal/scheduled';

/**
 * Multiplies updates by `-learningRate` (gradient *descent*: `applyUpdates` adds the result).
 * The rate is a number or a schedule of the step count (0 for the first update); it must be a
 * finite number >= 0, checked when given and at every step a schedule produces it.
 *
 * @example
 * chain(scaleByAdam(), scaleByLearningRate(cosineDecay({ initValue: 1e-3, decaySteps: 1000 })));
 */
export function scaleByLearningRate(learningRate: number | Schedule): GradientTransform<CountState> {
  return scaledBy('scaleByLearningRate', 'learningRate', learningRate, 'nonNegative', -1);
}
