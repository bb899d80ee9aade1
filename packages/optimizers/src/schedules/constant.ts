import type { Schedule } from '../gradient-transform';
import { num } from '../internal/schedule-options';

/**
 * The same value at every step.
 *
 * @example
 * constant(0.1)(1000); // 0.1
 */
export function constant(value: number): Schedule {
  const v = num('constant', 'value', value);
  return () => v;
}
