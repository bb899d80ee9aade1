import { cast, greater, less, mul, oneHot, sum, type Tensor } from '@descent/core';

/**
 * 1 where the class `ids` is among the k highest predictions (ties at the boundary count as in,
 * as tf.math.in_top_k): fewer than k classes score strictly higher than it.
 */
export function inTopK(yPred: Tensor, ids: Tensor, k: number): Tensor {
  const classes = yPred.shape[yPred.rank - 1]!;
  const own = sum(mul(yPred, oneHot(ids, classes)), -1, true);
  const above = sum(cast(greater(yPred, own), 'float32'), -1);
  return cast(less(above, k), 'float32');
}
