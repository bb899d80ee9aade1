import { cast, checkOptions, equal, greater, mean, type Tensor } from '@descent/core';
import { MeanMetricBase } from '../internal/mean-metric-base';
import { sameShapeMetric } from '../internal/metric-checks';
import { num } from '../internal/options';
import type { Metric, MetricOptions } from './metric';

/** Options of `binaryAccuracy`. */
export interface BinaryAccuracyOptions extends MetricOptions {
  /** Predictions above it count as 1 (default 0.5; use 0 for logits). */
  threshold?: number;
}

class BinaryAccuracy extends MeanMetricBase {
  readonly className = 'binaryAccuracy';
  readonly threshold: number;
  constructor(options: BinaryAccuracyOptions) {
    super(options);
    this.threshold = num('binaryAccuracy', 'threshold', options.threshold, 0.5);
  }
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    sameShapeMetric(this.name, yTrue, yPred);
    const predicted = cast(greater(yPred, this.threshold), 'float32');
    return mean(cast(equal(predicted, cast(yTrue, 'float32')), 'float32'), -1);
  }
  override getConfig() {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}

/**
 * Fraction of binary predictions (yPred > threshold) equal to the 0/1 targets, averaged over the
 * last axis, then over samples.
 *
 * @example
 * const acc = binaryAccuracy();
 * acc.update(rt.tensor([[1], [0]]), rt.tensor([[0.8], [0.7]]));
 * await acc.value(); // 0.5
 */
export function binaryAccuracy(options: BinaryAccuracyOptions = {}): Metric {
  checkOptions('binaryAccuracy', options);
  return new BinaryAccuracy(options);
}
