import { InvalidArgumentError } from '@descent/core';
import type { Constraint } from './hyperparams';

const OK: Record<Constraint, (v: number) => boolean> = {
  nonNegative: (v) => v >= 0,
  positive: (v) => v > 0,
  unitInterval: (v) => v >= 0 && v < 1,
  closedUnit: (v) => v >= 0 && v <= 1,
  finite: () => true,
};
const TEXT: Record<Constraint, string> = {
  nonNegative: '>= 0',
  positive: '> 0',
  unitInterval: 'in [0, 1)',
  closedUnit: 'in [0, 1]',
  finite: '',
};

/** A schedule option: a finite number in range, or an `InvalidArgumentError` naming it. */
export function num(name: string, key: string, value: unknown, constraint: Constraint = 'finite'): number {
  if (typeof value === 'number' && Number.isFinite(value) && OK[constraint](value)) return value;
  throw new InvalidArgumentError(
    name,
    `option "${key}" must be a finite number${TEXT[constraint] ? ` ${TEXT[constraint]}` : ''}, got ${typeof value === 'number' ? value : typeof value}`,
  );
}
