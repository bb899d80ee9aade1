import {
  checkFunction,
  checkTensor,
  DTypeError,
  flattenParams,
  fmtShape,
  InvalidArgumentError,
  onesLike,
  type ParamTree as Params,
  shapesEqual,
  Tensor,
  UnsupportedError,
  unflattenParams,
} from '@descent/core';
import { activeTapes, Tape } from './tape';

/** What `valueAndGrad` returns. */
export interface ValueAndGrad<P extends Params> {
  /** The function's value (a scalar). */
  value: Tensor;
  /** dvalue/dparams, shaped like `params`; zeros for parameters the value does not depend on. */
  grads: P;
}

/**
 * Turns `f(params) → loss` into a function returning the loss and its gradient with respect
 * to every tensor in `params` (a tensor or a nested object/array of them). The output must be
 * a scalar unless a seed gradient `dy` of its shape is given. Forward intermediates are freed
 * once `f` returns, except what gradient rules saved, which is freed after backward.
 *
 * @example
 * const step = valueAndGrad(({ w, b }) => mean(square(sub(add(matmul(x, w), b), y))));
 * const { value, grads } = step({ w, b }); // grads.w, grads.b
 */
export function valueAndGrad<P extends Params>(
  f: (params: P) => Tensor,
): (params: P, dy?: Tensor) => ValueAndGrad<P> {
  return valueAndGradAs('valueAndGrad', f);
}

/** `valueAndGrad` whose errors name `op` (grad reuses it). */
export function valueAndGradAs<P extends Params>(
  op: string,
  f: (params: P) => Tensor,
): (params: P, dy?: Tensor) => ValueAndGrad<P> {
  checkFunction(op, 'f', f);
  return (params, dy) => {
    if (dy !== undefined) checkTensor(op, 'the seed gradient dy', dy);
    const leaves = flattenParams(op, params);
    const first = leaves[0]?.tensor;
    if (!first) throw new InvalidArgumentError(op, 'params hold no tensor to differentiate with respect to');
    for (const { path, tensor } of leaves) {
      tensor.assertAlive(`${op} (parameter "${path}")`);
      if (tensor.dtype !== 'float32')
        throw new DTypeError(op, ['float32'], tensor.dtype, `parameter "${path}"`);
    }
    const rt = first.runtime;
    const sources = leaves.map((l) => l.tensor);
    if (activeTapes(rt).length > 0) {
      // Saved values and returned gradients are views outer tapes do not see, so a nested
      // gradient would silently be zero: refuse instead.
      throw new UnsupportedError(
        op,
        'nested gradients (grad of grad) are not supported; call it outside other grad/valueAndGrad calls',
      );
    }
    const tape = new Tape(rt, sources);
    try {
      tape.start();
      let value: Tensor;
      try {
        value = rt.tidy(() => f(params));
      } finally {
        tape.stop();
      }
      if (!(value instanceof Tensor))
        throw new InvalidArgumentError(op, `f must return a Tensor, got ${typeof value}`);
      if (dy === undefined && value.size !== 1) {
        throw new InvalidArgumentError(
          op,
          `f returned shape ${fmtShape(value.shape)}; gradients need a scalar output or a seed gradient dy of that shape`,
        );
      }
      if (dy !== undefined && !shapesEqual(dy.shape, value.shape)) {
        throw new InvalidArgumentError(
          op,
          `dy has shape ${fmtShape(dy.shape)}, expected the output's ${fmtShape(value.shape)}`,
        );
      }
      const out = value;
      const grads = rt.tidy(() => tape.backward(out, dy ?? onesLike(out), sources));
      return { value, grads: unflattenParams(params, grads) };
    } finally {
      tape.dispose();
    }
  };
}
