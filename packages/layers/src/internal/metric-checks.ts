import { fmtShape, ShapeError, shapesEqual, type Tensor } from '@descent/core';

export function sameShapeMetric(metric: string, yTrue: Tensor, yPred: Tensor): void {
  if (!shapesEqual(yTrue.shape, yPred.shape))
    throw new ShapeError(
      metric,
      `yTrue ${fmtShape(yTrue.shape)} and yPred ${fmtShape(yPred.shape)} must have the same shape`,
    );
}

/** Class predictions need a class axis. */
export function classAxis(metric: string, yPred: Tensor): void {
  if (yPred.rank < 1)
    throw new ShapeError(metric, `yPred must have a class axis, got ${fmtShape(yPred.shape)}`);
}
