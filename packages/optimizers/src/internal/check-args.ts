import { InvalidArgumentError, Runtime, Tensor } from '@descent/core';

/** How an unexpected argument is named in an error: "got a string", "got a Runtime", ... */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (v instanceof Tensor) return `a Tensor of shape [${v.shape.join(',')}]`;
  if (v instanceof Runtime) return 'a Runtime';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'function') return 'a function';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Throws InvalidArgumentError naming `op` unless `v` is a function. */
export function checkFunction(op: string, what: string, v: unknown): void {
  if (typeof v !== 'function') {
    throw new InvalidArgumentError(op, `expected ${what} to be a function, got ${describeValue(v)}`);
  }
}

/** Throws InvalidArgumentError naming `op` unless `v` is a Tensor. */
export function checkTensor(op: string, what: string, v: unknown): asserts v is Tensor {
  if (!(v instanceof Tensor)) {
    throw new InvalidArgumentError(op, `expected ${what} to be a Tensor, got ${describeValue(v)}`);
  }
}

/** Throws InvalidArgumentError naming `op` unless `v` is a Runtime. */
export function checkRuntime(op: string, what: string, v: unknown): asserts v is Runtime {
  if (!(v instanceof Runtime)) {
    throw new InvalidArgumentError(op, `expected ${what} to be a Runtime, got ${describeValue(v)}`);
  }
}

/** Throws InvalidArgumentError naming `op` unless `v` is undefined or a plain options object. */
export function checkOptions(op: string, v: unknown, what = 'options'): void {
  if (v === undefined) return;
  if (
    v === null ||
    typeof v !== 'object' ||
    Array.isArray(v) ||
    v instanceof Tensor ||
    v instanceof Runtime
  ) {
    throw new InvalidArgumentError(op, `expected ${what} to be an object, got ${describeValue(v)}`);
  }
}

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
