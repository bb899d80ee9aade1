import { InvalidArgumentError } from '@descent/core';

/** `n` or `[h, w]` as a pair of positive integers. */
export function pair2(
  op: string,
  name: string,
  v: unknown,
  fallback?: readonly [number, number],
): [number, number] {
  const value = v ?? fallback;
  const p = typeof value === 'number' ? [value, value] : value;
  if (!Array.isArray(p) || p.length !== 2 || !p.every((x) => Number.isInteger(x) && x >= 1))
    throw new InvalidArgumentError(op, `${name} must be a positive integer or two, got ${JSON.stringify(v)}`);
  return [p[0], p[1]];
}

/**
 * Output size along one axis of a window op, as Keras: 'same' gives ceil(n / stride), 'valid'
 * the windows that fit; `null` (unknown) stays unknown. Undefined when no window fits.
 */
export function windowSize(
  n: number | null,
  window: number,
  stride: number,
  dilation: number,
  padding: 'same' | 'valid',
): number | null | undefined {
  if (n === null) return null;
  if (padding === 'same') return Math.ceil(n / stride);
  const out = Math.floor((n - ((window - 1) * dilation + 1)) / stride) + 1;
  return out >= 1 ? out : undefined;
}
