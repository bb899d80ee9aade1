import type { DType, Shape, Tensor } from '@descent/core';

/** What a rule's backward sees of the forward op. Unsaved values are `undefined`. */
export interface GradientContext<A = Record<string, unknown>> {
  /** Forward inputs the rule asked to save (`save.inputs`), by position. */
  readonly inputs: readonly (Tensor | undefined)[];
  /** The forward output, if the rule asked to save it (`save.output`). */
  readonly output: Tensor | undefined;
  /** The forward op's attributes. */
  readonly attrs: A;
  /** Shapes of the forward inputs (always kept). */
  readonly inputShapes: readonly Shape[];
  /** Dtypes of the forward inputs (always kept). */
  readonly inputDtypes: readonly DType[];
  /**
   * Which inputs need a gradient (lie on a path from a differentiated source). A rule may
   * return `undefined` for the others and skip their work, as PyTorch's `needs_input_grad`:
   * matmul and conv2d skip the gradient of a network's input batch.
   */
  readonly needs: readonly boolean[];
}

/**
 * The backward of one op: given dL/doutput, return dL/dinput for each input (`undefined` where
 * the input is not differentiable, e.g. indices, or where the gradient is zero).
 * A rule declares what it needs from the forward pass so the tape keeps nothing else.
 *
 * @example
 * // d(exp x) = exp x · dy: needs the output only
 * const expRule: GradientRule = { save: { output: true }, backward: (dy, { output }) => [mul(dy, output!)] };
 */
// biome-ignore lint/suspicious/noExplicitAny: rules with specific attrs must fit one registry slot.
export interface GradientRule<A = any> {
  /**
   * What the tape must keep for `backward`: input positions (or `'all'`) and whether the output;
   * nothing by default.
   */
  readonly save?: {
    /** Positions of the inputs to keep, or `'all'`. */
    readonly inputs?: readonly number[] | 'all';
    /** Keep the output. */
    readonly output?: boolean;
  };
  /**
   * The output is piecewise constant and carries no gradient (comparisons, argmax, isNaN): the
   * tape treats it as a constant, so `mul(x, cast(greater(x, 0), 'float32'))` differentiates
   * as in PyTorch.
   */
  readonly constant?: boolean;
  /** dL/dinput for each input given `dy` = dL/doutput; `undefined` for no gradient. */
  backward(dy: Tensor, ctx: GradientContext<A>): readonly (Tensor | undefined)[];
}

declare module '@descent/core' {
  interface RegistryKinds {
    /** Gradient rules, by op name; typed by `@descent/autograd`. */
    gradient: GradientRule;
  }
}
