import { InvalidArgumentError } from '@descent/core';

/** A finite number option, `fallback` when absent. */
export function num(op: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InvalidArgumentError(op, `${name} must be a finite number, got ${JSON.stringify(value)}`);
  return value;
}

/** A positive integer option. */
export function posInt(op: string, name: string, value: unknown, fallback?: number): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new InvalidArgumentError(op, `${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return v;
}

/** One of a set of strings. */
export function oneOf<T extends string>(
  op: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    throw new InvalidArgumentError(
      op,
      `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(value)}`,
    );
  return value as T;
}

/** A boolean option. */
export function bool(op: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new InvalidArgumentError(op, `${name} must be a boolean, got ${JSON.stringify(value)}`);
  return value;
}
