import {
  checkTensor,
  describeValue,
  fmtShape,
  InvalidArgumentError,
  shapesEqual,
  type Tensor,
} from '@descent/core';
import type { Constraint, Regularizer } from './regularizer';

/**
 * One named weight of a layer: its current value (a tensor the variable owns), whether an
 * optimizer trains it, and its regularizer and constraint. Tensors are immutable, so
 * `assign` swaps the value: the old one is released.
 *
 * @example
 * for (const { path, variable, trainable } of model.variables()) console.log(path, variable.shape, trainable);
 */
export class Variable {
  private current: Tensor;

  constructor(
    /** The weight's name in its layer (`kernel`). */
    readonly name: string,
    value: Tensor,
    /** Whether optimizers train it (BatchNormalization's moving statistics are not trained). */
    readonly trainable: boolean,
    /** Penalty on the weight, added to the loss. */
    readonly regularizer?: Regularizer,
    /** Projection applied after each update. */
    readonly constraint?: Constraint,
  ) {
    if (typeof name !== 'string' || name === '')
      throw new InvalidArgumentError('Variable', `expected a weight name, got ${describeValue(name)}`);
    checkTensor('Variable', `the value of "${name}"`, value);
    if (typeof trainable !== 'boolean')
      throw new InvalidArgumentError(
        'Variable',
        `expected trainable to be a boolean, got ${describeValue(trainable)}`,
      );
    this.current = value.runtime.keep(value);
  }

  /** The current value: owned by the variable, valid until the next `assign`; do not dispose it. */
  get value(): Tensor {
    return this.current;
  }

  /** Shape of the current value. */
  get shape() {
    return this.current.shape;
  }

  /** Dtype of the current value. */
  get dtype() {
    return this.current.dtype;
  }

  /**
   * Makes `t`'s values the variable's. The variable takes its own handle on the data, so the
   * caller still owns `t` (disposing it, or letting a `tidy` do so, is fine).
   */
  assign(t: Tensor, path = this.name): void {
    if (t === this.current) return;
    checkTensor('assign', `the value for "${path}"`, t);
    t.assertAlive(`assign (${path})`);
    if (!shapesEqual(t.shape, this.current.shape) || t.dtype !== this.current.dtype) {
      throw new InvalidArgumentError(
        'assign',
        `"${path}" is ${this.current.dtype} ${fmtShape(this.current.shape)}, got ${t.dtype} ${fmtShape(t.shape)}`,
      );
    }
    const rt = t.runtime;
    const own = rt.keep(rt.view(t));
    this.current.dispose();
    this.current = own;
  }

  /** Frees the value. */
  dispose(): void {
    this.current.dispose();
  }
}
