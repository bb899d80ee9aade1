import type { Tensor } from '@descent/core';
import { checkOptions } from '@descent/core';
import { inTopK } from '../internal/in-top-k';
import { MeanMetricBase } from '../internal/mean-metric-base';
import { classAxis } from '../internal/metric-checks';
import { posInt } from '../internal/options';
import { classIds } from '../losses/sparse-categorical-crossentropy';
import type { Metric } from './metric';
import type { TopKOptions } from './top-k-categorical-accuracy';

class SparseTopKCategoricalAccuracy extends MeanMetricBase {
  readonly className = 'sparseTopKCategoricalAccuracy';
  readonly k: number;
  constructor(options: TopKOptions) {
    super(options);
    this.k = posInt('sparseTopKCategoricalAccuracy', 'k', options.k, 5);
  }
  protected values(labels: Tensor, yPred: Tensor): Tensor {
    classAxis(this.name, yPred);
    return inTopK(yPred, classIds(this.name, labels, yPred), this.k);
  }
  override getConfig() {
    return { ...super.getConfig(), k: this.k };
  }
}

/**
 * Fraction of samples whose integer label is among the k highest predictions.
 *
 * @example
 * sparseTopKCategoricalAccuracy({ k: 5 }).update(labels, logits);
 */
export function sparseTopKCategoricalAccuracy(options: TopKOptions = {}): Metric {
  checkOptions('sparseTopKCategoricalAccuracy', options);
  return new SparseTopKCategoricalAccuracy(options);
}
