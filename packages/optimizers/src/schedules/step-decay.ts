import type { Schedule } from '../gradient-transform';
import { num } from '../internal/schedule-options';

/** Options of `stepDecay`. */
export interface StepDecayOptions {
  /** The value at step 0. */
  initValue: number;
  /** Steps between drops. */
  stepSize: number;
  /** Factor of each drop. Default 0.1. */
  gamma?: number;
}

/**
 * Drops by `gamma` every `stepSize` steps: `initValue · gamma^⌊step / stepSize⌋` (PyTorch's
 * `StepLR`, Keras' step decay).
 *
 * @example
 * stepDecay({ initValue: 0.1, stepSize: 30, gamma: 0.1 })(65); // 0.001
 */
export function stepDecay(options: StepDecayOptions): Schedule {
  const name = 'stepDecay';
  const init = num(name, 'initValue', options?.initValue);
  const size = num(name, 'stepSize', options.stepSize, 'positive');
  const gamma = num(name, 'gamma', options.gamma ?? 0.1, 'nonNegative');
  return (step) => init * gamma ** Math.floor(Math.max(0, step) / size);
}
