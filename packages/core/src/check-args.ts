import { InvalidArgumentError } from './errors';
import { Runtime } from './runtime';
import { Tensor } from './tensor';

/**
 * How an unexpected argument is named in an error message ("got a Runtime", "got the string
 * \"adam\"", ...): what plugin authors use to say what came, the same way every package does.
 *
 * @example
 * import { describeValue } from '@descent/core';
 * describeValue(null); // 'null'
 * describeValue('adam'); // 'the string "adam"'
 * describeValue(rt.tensor([1, 2])); // 'a Tensor of shape [2]'
 */
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

/**
 * Throws `InvalidArgumentError` naming `op` unless `v` is a function: `"<op>: expected <what>
 * to be a function, got ..."`.
 *
 * @example
 * import { checkFunction } from '@descent/core';
 * export function myGrad(f: (x: Tensor) => Tensor) {
 *   checkFunction('myGrad', 'f', f); // myGrad('f') throws "myGrad: expected f to be a function, got the string \"f\""
 *   // ...
 * }
 */
export function checkFunction(op: string, what: string, v: unknown): void {
  if (typeof v !== 'function') {
    throw new InvalidArgumentError(op, `expected ${what} to be a function, got ${describeValue(v)}`);
  }
}

/**
 * Throws `InvalidArgumentError` naming `op` unless `v` is a Tensor: `"<op>: expected <what> to
 * be a Tensor, got ..."`. Narrows `v` to `Tensor` after the call.
 *
 * @example
 * import { checkTensor } from '@descent/core';
 * export function myActivation(x: Tensor): Tensor {
 *   checkTensor('myActivation', 'x', x); // myActivation([1, 2]) throws "... expected x to be a Tensor, got an array"
 *   // ...
 * }
 */
export function checkTensor(op: string, what: string, v: unknown): asserts v is Tensor {
  if (!(v instanceof Tensor)) {
    throw new InvalidArgumentError(op, `expected ${what} to be a Tensor, got ${describeValue(v)}`);
  }
}

/**
 * Throws `InvalidArgumentError` naming `op` unless `v` is a Runtime: `"<op>: expected <what>
 * to be a Runtime, got ..."`. Narrows `v` to `Runtime` after the call.
 *
 * @example
 * import { checkRuntime } from '@descent/core';
 * export function myInitializer(rt: Runtime, shape: Shape): Tensor {
 *   checkRuntime('myInitializer', 'the runtime', rt);
 *   // ...
 * }
 */
export function checkRuntime(op: string, what: string, v: unknown): asserts v is Runtime {
  if (!(v instanceof Runtime)) {
    throw new InvalidArgumentError(op, `expected ${what} to be a Runtime, got ${describeValue(v)}`);
  }
}

/**
 * Throws `InvalidArgumentError` naming `op` unless `v` is undefined (every option has a default)
 * or an options object (not null, an array, a Tensor or a Runtime): `"<op>: expected <what> to
 * be an object, got ..."`.
 *
 * @example
 * import { checkOptions } from '@descent/core';
 * export function myOptimizer(options: { learningRate?: number } = {}) {
 *   checkOptions('myOptimizer', options); // myOptimizer(null) throws "myOptimizer: expected options to be an object, got null"
 *   // ...
 * }
 */
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
