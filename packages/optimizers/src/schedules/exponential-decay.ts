import type { Schedule } from '../gradient-transform';
import { num } from '../internal/schedule-options';

/** Options of `exponentialDecay`. */
export interface ExponentialDecayOptions {
  /** The value at step 0. */
  initValue: number;
  /** Factor per `transitionSteps` steps. */
  decayRate: number;
  /** Steps per factor of `decayRate`. Default 1. */
  transitionSteps?: number;
  /** Decay in whole steps of `transitionSteps` (a staircase) instead of continuously. Default false. */
  staircase?: boolean;
  /** Steps at `initValue` before the decay starts. Default 0. */
  transitionBegin?: number;
  /** A floor (or, for a rate above 1, a ceiling) on the value. */
  endValue?: number;
}

/**
 * `initValue · decayRate^(t / transitionSteps)` with `t = step - transitionBegin` (floored to whole
 * transitions with `staircase`). PyTorch's `ExponentialLR(gamma)` is `{ decayRate: gamma }`;
 * `StepLR(step_size, gamma)` is `{ decayRate: gamma, transitionSteps: step_size, staircase: true }`.
 *
 * @example
 * exponentialDecay({ initValue: 0.1, decayRate: 0.96, transitionSteps: 100, staircase: true })(250); // 0.1 · 0.96²
 */
export function exponentialDecay(options: ExponentialDecayOptions): Schedule {
  const name = 'exponentialDecay';
  const init = num(name, 'initValue', options?.initValue);
  const rate = num(name, 'decayRate', options.decayRate, 'positive');
  const every = num(name, 'transitionSteps', options.transitionSteps ?? 1, 'positive');
  const begin = num(name, 'transitionBegin', options.transitionBegin ?? 0, 'nonNegative');
  const end = options.endValue === undefined ? undefined : num(name, 'endValue', options.endValue);
  const staircase = options.staircase ?? false;
  return (step) => {
    const t = step - begin;
    if (t <= 0) return init;
    const p = staircase ? Math.floor(t / every) : t / every;
    const v = init * rate ** p;
    if (end === undefined) return v;
    return rate < 1 ? Math.max(v, end) : Math.min(v, end);
  };
}
