import type { DType, Runtime, Shape, Tensor } from '@descent/core';
import type { Tolerance } from './expect-close';

/** Values of one tensor written out: what a case feeds in or expects back. Data is row-major. */
export interface TensorSpec {
  readonly dtype: DType;
  readonly shape: Shape;
  /** NaN and ±Infinity allowed; bool as 0/1. */
  readonly data: readonly number[];
}

// biome-ignore lint/suspicious/noExplicitAny: error classes have constructors of any arguments.
export type ErrorClass = abstract new (...args: any[]) => Error;

interface CaseBase {
  /** The primitive op or composite the case checks (what the coverage check counts). */
  readonly op: string;
  readonly name: string;
  /** Pins float32 rounding or overflow: skipped on a backend of `precision: 'float64'`. */
  readonly float32Only?: boolean;
}

/** Runs `run` on tensors made from `inputs` and compares its output with `expected`. */
export interface ValueCase extends CaseBase {
  readonly kind: 'value';
  readonly inputs: readonly TensorSpec[];
  readonly run: (xs: Tensor[], rt: Runtime) => Tensor;
  readonly expected: TensorSpec;
  /** Float tolerance; integer and bool outputs always compare exactly. Default exact. */
  readonly tol?: Tolerance;
}

/** Runs `run` on tensors made from `inputs` and expects it to throw `error`. */
export interface ErrorCase extends CaseBase {
  readonly kind: 'error';
  readonly inputs: readonly TensorSpec[];
  readonly run: (xs: Tensor[], rt: Runtime) => unknown;
  readonly error: ErrorClass;
}

/** Anything else: a test body given the suite's runtime. */
export interface CustomCase extends CaseBase {
  readonly kind: 'custom';
  readonly test: (ctx: SuiteContext) => Promise<void> | void;
}

export type ConformanceCase = ValueCase | ErrorCase | CustomCase;

/** What every case sees: the shared runtime and how to make more. */
export interface SuiteContext {
  /** The runtime all cases share (created on first use). */
  readonly rt: Runtime;
  /** The backend's name. */
  readonly backend: string;
  /** A new runtime on the backend (for cases that need a clean one); closed after the suite. */
  freshRuntime(seed?: number): Runtime;
  /** Scales a float tolerance by the suite's `toleranceScale`. */
  tol(t: Tolerance): Tolerance;
}

// ---- builders --------------------------------------------------------------------------------

export const f32 = (shape: Shape, data: readonly number[]): TensorSpec => ({ dtype: 'float32', shape, data });
export const i32 = (shape: Shape, data: readonly number[]): TensorSpec => ({ dtype: 'int32', shape, data });
export const bool = (shape: Shape, data: readonly (number | boolean)[]): TensorSpec => ({
  dtype: 'bool',
  shape,
  data: data.map(Number),
});
/** A 1-D float32 spec. */
export const vec = (data: readonly number[]): TensorSpec => f32([data.length], data);
/** A tensor spec of a given dtype filled by index: handy for `0, 1, 2, ...` inputs. */
export const iota = (shape: Shape, dtype: DType = 'float32', start = 0): TensorSpec => {
  const n = shape.reduce((a, b) => a * b, 1);
  return { dtype, shape, data: Array.from({ length: n }, (_, i) => (dtype === 'bool' ? i % 2 : start + i)) };
};
/** Every element `value`. */
export const filled = (shape: Shape, value: number, dtype: DType = 'float32'): TensorSpec => ({
  dtype,
  shape,
  data: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => value),
});

export function value(
  op: string,
  name: string,
  inputs: readonly TensorSpec[],
  run: (xs: Tensor[], rt: Runtime) => Tensor,
  expected: TensorSpec,
  tol?: Tolerance,
): ValueCase {
  return { kind: 'value', op, name, inputs, run, expected, ...(tol ? { tol } : {}) };
}

export function error(
  op: string,
  name: string,
  inputs: readonly TensorSpec[],
  run: (xs: Tensor[], rt: Runtime) => unknown,
  err: ErrorClass,
): ErrorCase {
  return { kind: 'error', op, name, inputs, run, error: err };
}

export function custom(op: string, name: string, test: CustomCase['test']): CustomCase {
  return { kind: 'custom', op, name, test };
}

/** Marks a case that pins float32 rounding or overflow (a float64 reference backend skips it). */
export function float32Only<C extends ConformanceCase>(c: C): C {
  return { ...c, float32Only: true };
}

/** `[2,3]`, `[]` for a scalar. */
export function fmtShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}
