import { argmax, cast, checkOptions, equal, type Tensor } from '@descent/core';
import { MeanMetricBase } from '../internal/mean-metric-base';
import { classAxis } from '../internal/metric-checks';
import { classIds } from '../losses/sparse-categorical-crossentropy';
import type { Metric, MetricOptions } from './metric';

class SparseCategoricalAccuracy extends MeanMetricBase {
  readonly className = 'sparseCategoricalAccuracy';
  protected values(labels: Tensor, yPred: Tensor): Tensor {
    classAxis(this.name, yPred);
    return cast(equal(classIds(this.name, labels, yPred), argmax(yPred, -1)), 'float32');
  }
}

/**
 * Fraction of samples whose highest prediction is their integer label.
 *
 * @example
 * const acc = sparseCategoricalAccuracy();
 * acc.update(rt.tensor(new Int32Array([2, 0]), [2]), logits);
 */
export function sparseCategoricalAccuracy(options: MetricOptions = {}): Metric {
  checkOptions('sparseCategoricalAccuracy', options);
  return new SparseCategoricalAccuracy(options);
}
