import { InvalidArgumentError } from '@descent/core';
import { RegularizerConfigError } from './errors';
import { show } from './internal/show';

/**
 * Throws `RegularizerConfigError` unless `value` is a finite number ≥ 0: what every penalty
 * coefficient must be. For custom penalties' `validate`.
 *
 * @example
 * definePenalty({ className: 'Tv', defaults: { tv: 0.01 }, validate: (c) => checkCoefficient('Tv', 'tv', c.tv), penalty });
 */
export function checkCoefficient(className: string, option: string, value: unknown): number {
  if (typeof className !== 'string' || typeof option !== 'string')
    throw new InvalidArgumentError(
      'checkCoefficient',
      `expected (className, option, value) with string names, got ${show(className)} and ${show(option)}`,
    );
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new RegularizerConfigError(
      className,
      option,
      value,
      `${option} must be a finite number >= 0, got ${show(value)}`,
    );
  return value;
}
