import { describeValue, InvalidArgumentError } from '@descent/core';
import type { Schedule } from '../gradient-transform';
import { num } from '../internal/schedule-options';

/**
 * One schedule after another: `schedules[k]` runs from `boundaries[k-1]` on, seeing the steps
 * counted from its own start (Optax's `join_schedules`, PyTorch's `SequentialLR`).
 *
 * @example
 * joinSchedules([constant(0.1), exponentialDecay({ initValue: 0.1, decayRate: 0.9 })], [10])(12); // 0.1 · 0.9²
 */
export function joinSchedules(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  const name = 'joinSchedules';
  if (!Array.isArray(schedules) || !Array.isArray(boundaries))
    throw new InvalidArgumentError(
      name,
      `expected (schedules, boundaries) arrays, got ${describeValue(schedules)} and ${describeValue(boundaries)}`,
    );
  if (schedules.length !== boundaries.length + 1 || !schedules.every((s) => typeof s === 'function')) {
    throw new InvalidArgumentError(
      name,
      `expected ${boundaries.length + 1} schedule functions for ${boundaries.length} boundaries, got ${schedules.length}`,
    );
  }
  boundaries.forEach((b, i) => {
    num(name, `boundaries[${i}]`, b, 'nonNegative');
    if (i > 0 && !(b > boundaries[i - 1]!)) {
      throw new InvalidArgumentError(
        name,
        `boundaries must increase; boundaries[${i}] = ${b} follows ${boundaries[i - 1]}`,
      );
    }
  });
  return (step) => {
    let k = 0;
    while (k < boundaries.length && step >= boundaries[k]!) k++;
    return schedules[k]!(k === 0 ? step : step - boundaries[k - 1]!);
  };
}
