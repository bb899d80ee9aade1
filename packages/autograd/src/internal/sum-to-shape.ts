import { reshape, type Shape, shapesEqual, sum, type Tensor } from '@descent/core';

/** Reduces a broadcast gradient back to an input's shape: the adjoint of broadcasting. */
export function sumToShape(dy: Tensor, shape: Shape): Tensor {
  if (shapesEqual(dy.shape, shape)) return dy;
  const lead = dy.rank - shape.length;
  const axes = dy.shape.flatMap((d, i) => (i < lead || (shape[i - lead] === 1 && d !== 1) ? [i] : []));
  return reshape(sum(dy, axes, false), shape);
}
