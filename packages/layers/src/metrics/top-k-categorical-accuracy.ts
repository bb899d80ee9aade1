import { argmax, checkOptions, type Tensor } from '@descent/core';
import { inTopK } from '../internal/in-top-k';
import { MeanMetricBase } from '../internal/mean-metric-base';
import { classAxis, sameShapeMetric } from '../internal/metric-checks';
import { posInt } from '../internal/options';
import type { Metric, MetricOptions } from './metric';

/** Options of `topKCategoricalAccuracy` and `sparseTopKCategoricalAccuracy`. */
export interface TopKOptions extends MetricOptions {
  /** Default 5. */
  k?: number;
}

class TopKCategoricalAccuracy extends MeanMetricBase {
  readonly className = 'topKCategoricalAccuracy';
  readonly k: number;
  constructor(options: TopKOptions) {
    super(options);
    this.k = posInt('topKCategoricalAccuracy', 'k', options.k, 5);
  }
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    sameShapeMetric(this.name, yTrue, yPred);
    classAxis(this.name, yPred);
    return inTopK(yPred, argmax(yTrue, -1), this.k);
  }
  override getConfig() {
    return { ...super.getConfig(), k: this.k };
  }
}

/**
 * Fraction of samples whose one-hot target class is among the k highest predictions.
 *
 * @example
 * topKCategoricalAccuracy({ k: 3 }).update(oneHotLabels, logits);
 */
export function topKCategoricalAccuracy(options: TopKOptions = {}): Metric {
  checkOptions('topKCategoricalAccuracy', options);
  return new TopKCategoricalAccuracy(options);
}
