import { describeValue, InvalidArgumentError } from '@descent/core';

/** Throws InvalidArgumentError naming `op` unless `v` is a gradient transform ({ init, update }). */
export function checkTransform(op: string, what: string, v: unknown): void {
  const t = v as { init?: unknown; update?: unknown } | null;
  if (t === null || typeof t !== 'object' || typeof t.init !== 'function' || typeof t.update !== 'function') {
    throw new InvalidArgumentError(
      op,
      `expected ${what} to be a gradient transform { init, update }, got ${describeValue(v)}`,
    );
  }
}
