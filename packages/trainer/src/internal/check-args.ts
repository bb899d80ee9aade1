import { describeValue, InvalidArgumentError } from '@descent/core';

/** An AbortSignal, or anything shaped like one (`aborted` and `addEventListener`). */
export function isAbortSignal(v: unknown): v is AbortSignal {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as AbortSignal).aborted === 'boolean' &&
    typeof (v as AbortSignal).addEventListener === 'function'
  );
}

/** Throws InvalidArgumentError naming `op` unless `v` is a positive integer. */
export function checkPositiveInt(op: string, what: string, v: unknown): void {
  if (!(typeof v === 'number' && Number.isInteger(v) && v >= 1)) {
    throw new InvalidArgumentError(op, `expected ${what} to be a positive integer, got ${describeValue(v)}`);
  }
}
