import { describeValue, InvalidArgumentError } from '@descent/core';

/** Throws InvalidArgumentError naming `op` unless `v` is a finite number. */
export function checkFiniteNumber(op: string, what: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new InvalidArgumentError(op, `expected ${what} to be a finite number, got ${describeValue(v)}`);
  }
}
