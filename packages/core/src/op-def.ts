import type { DType, Shape, TensorInfo } from './types';

/** Shape and dtype of an op's output, computed before any kernel runs. */
export interface OutputInfo {
  /** The output's shape. */
  readonly shape: Shape;
  /** The output's dtype. */
  readonly dtype: DType;
}

/**
 * The definition of an op: its name and how its output is inferred from its inputs. `infer`
 * also validates and throws typed errors, so kernels only ever see well-formed input.
 */
// biome-ignore lint/suspicious/noExplicitAny: ops with specific attrs must fit one list (primitiveOps).
export interface OpDef<A = any> {
  /** Name of the op, unique in the registry; kernels and gradient rules are registered under it. */
  readonly name: string;
  /** Package that defines the op, quoted when a kernel is missing. */
  readonly package: string;
  /** Number of tensor inputs, or 'variadic' (concat). */
  readonly arity: number | 'variadic';
  /**
   * Validates the inputs and attributes (throwing typed errors that name the op) and computes the output's
   * shape and dtype.
   */
  infer(inputs: readonly TensorInfo[], attrs: A): OutputInfo;
  /** View ops (reshape) share their input's data and need no kernel. */
  readonly view?: boolean;
}

/**
 * Defines an op of `@descent/core`. Plugins define their own ops the same way with their package.
 *
 * @example
 * const scaleOp = defineOp<{ factor: number }>({
 *   name: 'scale',
 *   package: 'my-plugin',
 *   arity: 1,
 *   infer: ([x]) => ({ shape: [...x!.shape], dtype: x!.dtype }),
 * });
 * // install(ctx) { ctx.registerOp(scaleOp); ctx.registerKernels([...]); }
 * rt.runOp(scaleOp, [x], { factor: 2 });
 */
export function defineOp<A>(def: Omit<OpDef<A>, 'package'> & { package?: string }): OpDef<A> {
  return { package: '@descent/core', ...def };
}
