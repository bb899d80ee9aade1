import type { Schedule } from '../gradient-transform';
import { num } from '../internal/schedule-options';

/** Options of `polynomialDecay`. */
export interface PolynomialDecayOptions {
  /** The value at step 0. */
  initValue: number;
  /** Value from `transitionBegin + decaySteps` on. Default 0. */
  endValue?: number;
  /** Default 1 (linear). */
  power?: number;
  /** Steps the decay takes, after `transitionBegin`. */
  decaySteps: number;
  /** Steps at `initValue` before the decay starts. Default 0. */
  transitionBegin?: number;
}

/**
 * `(initValue - endValue) · (1 - t/decaySteps)^power + endValue`, `t = step - transitionBegin`
 * clamped to `[0, decaySteps]` (PyTorch's `PolynomialLR` with `endValue` 0, Optax's
 * `polynomial_schedule`).
 *
 * @example
 * polynomialDecay({ initValue: 0.1, endValue: 0, power: 2, decaySteps: 10 })(5); // 0.025
 */
export function polynomialDecay(options: PolynomialDecayOptions): Schedule {
  const name = 'polynomialDecay';
  const init = num(name, 'initValue', options?.initValue);
  const end = num(name, 'endValue', options.endValue ?? 0);
  const power = num(name, 'power', options.power ?? 1, 'positive');
  const steps = num(name, 'decaySteps', options.decaySteps, 'positive');
  const begin = num(name, 'transitionBegin', options.transitionBegin ?? 0, 'nonNegative');
  return (step) => {
    const t = Math.min(Math.max(step - begin, 0), steps);
    return (init - end) * (1 - t / steps) ** power + end;
  };
}
