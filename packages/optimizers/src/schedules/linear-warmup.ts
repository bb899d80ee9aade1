import type { Schedule } from '../gradient-transform';
import { num } from '../internal/schedule-options';
import { joinSchedules } from './join-schedules';

/** Options of `linearWarmup`. */
export interface LinearWarmupOptions {
  /** Steps of warmup; the schedule starts (at its own step 0) after them. */
  warmupSteps: number;
  /** Value at step 0. Default 0. */
  initValue?: number;
}

/**
 * A linear warmup from `initValue` to `schedule(0)` over `warmupSteps` steps, joined to any
 * schedule, which then runs from its own step 0 (PyTorch's `SequentialLR([LinearLR, …])`,
 * Optax's `warmup_cosine_decay_schedule` for a cosine).
 *
 * @example
 * const lr = linearWarmup(cosineDecay({ initValue: 1e-3, decaySteps: 10_000 }), { warmupSteps: 500 });
 * lr(250); // 5e-4
 */
export function linearWarmup(schedule: Schedule, options: LinearWarmupOptions): Schedule {
  const name = 'linearWarmup';
  const steps = num(name, 'warmupSteps', options?.warmupSteps, 'nonNegative');
  const from = num(name, 'initValue', options.initValue ?? 0);
  if (steps === 0) return schedule;
  const peak = schedule(0);
  const ramp: Schedule = (step) => from + ((peak - from) * Math.max(0, step)) / steps;
  return joinSchedules([ramp, schedule], [steps]);
}
