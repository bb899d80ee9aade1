import type { GradientTransform, Schedule } from '../gradient-transform';
import { type CountState, scaledBy } from '../internal/scheduled';

/**
 * Multiplies updates by `schedule(step)` (no sign flip), the step counting updates from 0.
 * A schedule value that is not a finite number throws naming the step and the parameters.
 *
 * @example
 * chain(scaleByAdam(), scaleBySchedule(exponentialDecay({ initValue: 1, decayRate: 0.99 })), scale(-1e-3));
 */
export function scaleBySchedule(schedule: Schedule): GradientTransform<CountState> {
  return scaledBy('scaleBySchedule', 'scale', schedule, 'finite', 1);
}
