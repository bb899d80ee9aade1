import {
  cast,
  checkOptions,
  fmtShape,
  oneHot,
  reshape,
  ShapeError,
  shapesEqual,
  type Tensor,
} from '@descent/core';
import { bool } from '../internal/options';
import { crossentropyOf } from './categorical-crossentropy';
import { type Loss, type LossOptions, makeLoss, smoothing } from './loss';

/** Options of `sparseCategoricalCrossentropy`. */
export interface SparseCategoricalCrossentropyOptions extends LossOptions {
  /** yPred holds logits. Default false, as Keras. */
  fromLogits?: boolean;
  /** The one-hot target of each label becomes y·(1 - s) + s/K. Default 0. */
  labelSmoothing?: number;
}

/** Class ids of shape `[...batch]` (or `[...batch, 1]`) for predictions `[...batch, K]`, as int32. @internal */
export function classIds(loss: string, labels: Tensor, yPred: Tensor): Tensor {
  const batch = yPred.shape.slice(0, -1);
  let ids = labels;
  if (shapesEqual(labels.shape, [...batch, 1])) ids = reshape(labels, batch);
  else if (!shapesEqual(labels.shape, batch))
    throw new ShapeError(
      loss,
      `labels ${fmtShape(labels.shape)} must have shape ${fmtShape(batch)} for predictions ${fmtShape(yPred.shape)}`,
    );
  return ids.dtype === 'int32' ? ids : cast(ids, 'int32');
}

/**
 * Cross-entropy with integer class labels (`[n]` for predictions `[n, K]`), averaged over
 * samples. PyTorch's `cross_entropy(logits, labels, label_smoothing=s)` with `fromLogits`.
 *
 * @example
 * sparseCategoricalCrossentropy({ fromLogits: true })(labels, logits);
 */
export function sparseCategoricalCrossentropy(options: SparseCategoricalCrossentropyOptions = {}): Loss {
  checkOptions('sparseCategoricalCrossentropy', options);
  const fromLogits = bool('sparseCategoricalCrossentropy', 'fromLogits', options.fromLogits, false);
  const ls = smoothing('sparseCategoricalCrossentropy', options.labelSmoothing);
  return makeLoss(
    'sparseCategoricalCrossentropy',
    options,
    { fromLogits, labelSmoothing: ls },
    (labels, yPred) => {
      const k = yPred.shape[yPred.rank - 1] ?? 0;
      const y = oneHot(classIds('sparseCategoricalCrossentropy', labels, yPred), k);
      return crossentropyOf(y, yPred, fromLogits, ls);
    },
  );
}
