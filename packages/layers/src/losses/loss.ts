import { fmtShape, InvalidArgumentError, mean, ShapeError, shapesEqual, sum, Tensor } from '@descent/core';
import { oneOf } from '../internal/options';
import type { JsonValue } from '../types';

/** How per-sample losses become the result: their mean (Keras' sum_over_batch_size), sum, or none. */
export type Reduction = 'mean' | 'sum' | 'none';

/**
 * A loss: call it as `loss(yTrue, yPred)` for a scalar (or per-sample values with reduction
 * 'none'). It carries its registered name and options so a training config can save it.
 *
 * @example
 * const loss = categoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 });
 * const value = loss(oneHotLabels, logits); // scalar
 */
export interface Loss {
  (yTrue: Tensor, yPred: Tensor): Tensor;
  /** The name it is registered under (kind `loss`). */
  readonly className: string;
  /** How per-sample values are reduced. */
  readonly reduction: Reduction;
  /** Options that rebuild it through its registered factory. */
  getConfig(): Record<string, JsonValue>;
  /** Per-sample values, before reduction. */
  perSample(yTrue: Tensor, yPred: Tensor): Tensor;
}

/** What the registry holds under kind `loss`: a factory from a config. */
export type LossFactory = (config?: Record<string, JsonValue>) => Loss;

/** Options every built-in loss takes. */
export interface LossOptions {
  /** Default 'mean'. */
  reduction?: Reduction;
}

/** @internal builds a `Loss` from its per-sample function. */
export function makeLoss(
  className: string,
  options: LossOptions,
  config: Record<string, JsonValue>,
  perSample: (yTrue: Tensor, yPred: Tensor) => Tensor,
): Loss {
  const reduction = oneOf(className, 'reduction', options.reduction, ['mean', 'sum', 'none'], 'mean');
  const checked = (yTrue: Tensor, yPred: Tensor) => {
    for (const [what, t] of [
      ['yTrue', yTrue],
      ['yPred', yPred],
    ] as const) {
      if (!(t instanceof Tensor))
        throw new InvalidArgumentError(className, `expected ${what} to be a Tensor, got ${typeof t}`);
      t.assertAlive(className);
    }
    return yPred.runtime.tidy(() => perSample(yTrue, yPred));
  };
  const loss = (yTrue: Tensor, yPred: Tensor): Tensor => {
    const values = checked(yTrue, yPred);
    if (reduction === 'none') return values;
    const rt = values.runtime;
    return rt.tidy(() => {
      const out = reduction === 'sum' ? sum(values) : mean(values);
      values.dispose();
      return out;
    });
  };
  return Object.assign(loss, {
    className,
    reduction,
    getConfig: () => ({ ...config, reduction }),
    perSample: checked,
  });
}

/** The two inputs must have one shape (a ShapeError naming the loss otherwise). */
export function sameShape(loss: string, yTrue: Tensor, yPred: Tensor): void {
  if (!shapesEqual(yTrue.shape, yPred.shape))
    throw new ShapeError(
      loss,
      `yTrue ${fmtShape(yTrue.shape)} and yPred ${fmtShape(yPred.shape)} must have the same shape`,
    );
  if (yPred.dtype !== 'float32' || yTrue.dtype !== 'float32')
    throw new InvalidArgumentError(
      loss,
      `expected float32 yTrue and yPred, got ${yTrue.dtype} and ${yPred.dtype}`,
    );
}

/** Label smoothing must be in [0, 1]. */
export function smoothing(loss: string, v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1))
    throw new InvalidArgumentError(loss, `labelSmoothing must be in [0, 1], got ${JSON.stringify(v)}`);
  return v;
}
