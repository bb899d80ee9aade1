import { fmtShape, gather, oneHot, ShapeError, type Tensor } from '@descent/core';

/**
 * Labels as float rows `[n, classes]`: int32 class indices `[n]` become one-hot rows (which
 * needs `numClasses`), float32 rows are taken as they are (one-hot or already soft).
 */
export function labelRows(name: string, labels: Tensor, numClasses: number | undefined): Tensor {
  if (labels.dtype === 'int32' && labels.rank === 1) {
    if (numClasses === undefined)
      throw new ShapeError(name, 'int32 class labels [n] need numClasses to become one-hot rows');
    return oneHot(labels, numClasses);
  }
  if (labels.dtype === 'float32' && labels.rank === 2) {
    if (numClasses !== undefined && labels.shape[1] !== numClasses)
      throw new ShapeError(
        name,
        `labels ${fmtShape(labels.shape)} do not have numClasses = ${numClasses} columns`,
      );
    return labels;
  }
  throw new ShapeError(
    name,
    `expected int32 class labels [n] or float32 rows [n, classes], got ${labels.dtype} ${fmtShape(labels.shape)}`,
  );
}

/** The partner of every sample (a seeded permutation) as an int32 tensor on the images' backend. */
export function partners(images: Tensor): { order: Int32Array; index: Tensor } {
  const rt = images.runtime;
  const order = rt.shuffle(images.shape[0]!);
  return { order, index: rt.tensor(order, [order.length], 'int32', { backend: images.backendName }) };
}

/** `gather` along the batch axis. */
export function byPartner(x: Tensor, index: Tensor): Tensor {
  return gather(x, index, 0);
}
