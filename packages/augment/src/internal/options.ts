import { describeValue, InvalidArgumentError, Runtime, Tensor } from '@descent/core';

export type Range = readonly [number, number];

/**
 * Throws unless a factory's options are an object; undefined is fine where every option has a
 * default (`required` false).
 */
export function checkOptions(transform: string, options: unknown, required = false, what = 'options'): void {
  if (options === undefined && !required) return;
  if (
    options === null ||
    typeof options !== 'object' ||
    Array.isArray(options) ||
    options instanceof Tensor ||
    options instanceof Runtime
  )
    throw new InvalidArgumentError(transform, `expected ${what} (an object), got ${describeValue(options)}`);
}

/**
 * A parameter range: a number `x ≥ 0` means `[center - x, center + x]`, a pair `[lo, hi]` is
 * taken as given; either must be finite, ordered, and within `[min, max]` when given.
 */
export function parseRange(
  transform: string,
  what: string,
  value: number | Range | undefined,
  {
    center = 0,
    fallback = 0,
    min = Number.NEGATIVE_INFINITY,
    max = Number.POSITIVE_INFINITY,
    required = false,
  } = {},
): Range {
  let range: Range;
  if (value === undefined && required)
    throw new InvalidArgumentError(
      transform,
      `expected ${what} to be a non-negative number or a range [min, max], got undefined (it has no default)`,
    );
  if (value === undefined) range = [center - fallback, center + fallback];
  else if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      throw new InvalidArgumentError(
        transform,
        `expected ${what} to be a non-negative number or a range [min, max], got ${value}`,
      );
    range = [center - value, center + value];
  } else if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
    const [lo, hi] = value;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi)
      throw new InvalidArgumentError(
        transform,
        `expected ${what} to be a range [min, max] with min <= max, got [${lo}, ${hi}]`,
      );
    range = [lo, hi];
  } else {
    throw new InvalidArgumentError(
      transform,
      `expected ${what} to be a number or a range [min, max], got ${JSON.stringify(value)}`,
    );
  }
  if (range[0] < min || range[1] > max)
    throw new InvalidArgumentError(
      transform,
      `${what} must lie within [${min}, ${max}], got [${range[0]}, ${range[1]}]`,
    );
  return range;
}

/** A number within [min, max]. */
export function parseNumber(
  transform: string,
  what: string,
  value: number | undefined,
  fallback: number,
  { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false } = {},
): number {
  const v = value ?? fallback;
  if (
    typeof v !== 'number' ||
    !Number.isFinite(v) ||
    v < min ||
    v > max ||
    (integer && !Number.isInteger(v))
  ) {
    const kind = integer ? 'an integer' : 'a number';
    throw new InvalidArgumentError(transform, `expected ${what} to be ${kind} in [${min}, ${max}], got ${v}`);
  }
  return v;
}

/** A [height, width] size of positive integers; a number means a square. */
export function parseSize(
  transform: string,
  what: string,
  value: number | readonly [number, number] | undefined,
): readonly [number, number] | undefined {
  if (value === undefined) return undefined;
  const pair = typeof value === 'number' ? ([value, value] as const) : value;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new InvalidArgumentError(
      transform,
      `expected ${what} to be a non-negative integer or [height, width], got ${JSON.stringify(value)}`,
    );
  }
  return [pair[0]!, pair[1]!];
}

/** One of the allowed string values. */
export function parseChoice<T extends string>(
  transform: string,
  what: string,
  value: T | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = value ?? fallback;
  if (!allowed.includes(v))
    throw new InvalidArgumentError(
      transform,
      `expected ${what} to be ${allowed.join(', ')}, got ${String(v)}`,
    );
  return v;
}

/** Draws a value in [lo, hi] from a uniform u in [0, 1). */
export function lerp([lo, hi]: Range, u: number): number {
  return lo + (hi - lo) * u;
}
