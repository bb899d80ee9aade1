import {
  checkTensor,
  describeValue,
  fmtShape,
  InvalidArgumentError,
  reshape,
  type Shape,
  shapesEqual,
  sum,
  type Tensor,
} from '@descent/core';

/** Reduces a broadcast gradient back to an input's shape: the adjoint of broadcasting. */
export function sumToShape(dy: Tensor, shape: Shape): Tensor {
  checkTensor('sumToShape', 'dy', dy);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new InvalidArgumentError(
      'sumToShape',
      `expected shape to be an array of non-negative integers, got ${describeValue(shape)}`,
    );
  }
  if (shapesEqual(dy.shape, shape)) return dy;
  const lead = dy.rank - shape.length;
  if (lead < 0 || shape.some((d, i) => d !== 1 && d !== dy.shape[i + lead])) {
    throw new InvalidArgumentError(
      'sumToShape',
      `dy of shape ${fmtShape(dy.shape)} is not a broadcast of shape ${fmtShape(shape)}`,
    );
  }
  const axes = dy.shape.flatMap((d, i) => (i < lead || (shape[i - lead] === 1 && d !== 1) ? [i] : []));
  return reshape(sum(dy, axes, false), shape);
}
