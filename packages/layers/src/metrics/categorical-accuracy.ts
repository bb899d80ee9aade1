import { argmax, cast, checkOptions, equal, type Tensor } from '@descent/core';
import { MeanMetricBase } from '../internal/mean-metric-base';
import { classAxis, sameShapeMetric } from '../internal/metric-checks';
import type { Metric, MetricOptions } from './metric';

class CategoricalAccuracy extends MeanMetricBase {
  readonly className = 'categoricalAccuracy';
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    sameShapeMetric(this.name, yTrue, yPred);
    classAxis(this.name, yPred);
    return cast(equal(argmax(yTrue, -1), argmax(yPred, -1)), 'float32');
  }
}

/**
 * Fraction of samples whose highest prediction is the class of the one-hot target.
 *
 * @example
 * const acc = categoricalAccuracy();
 * acc.update(oneHotLabels, probs);
 */
export function categoricalAccuracy(options: MetricOptions = {}): Metric {
  checkOptions('categoricalAccuracy', options);
  return new CategoricalAccuracy(options);
}
