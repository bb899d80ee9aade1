import { add, checkOptions, type Tensor } from '@descent/core';
import { ConfusionMetric, type ThresholdOptions } from '../internal/confusion-metric';
import { divNoNan } from '../internal/running-sums';
import type { Metric } from './metric';

class Recall extends ConfusionMetric {
  readonly className = 'recall';
  constructor(options: ThresholdOptions) {
    super('recall', options);
  }
  result(): Tensor {
    return this.sums.compute(this.name, (get) => divNoNan(get('tp'), add(get('tp'), get('fn'))));
  }
}

/**
 * tp / (tp + fn) over every element of every batch (0 when there were no positives), for
 * binary or multi-label 0/1 targets.
 *
 * @example
 * const r = recall();
 * r.update(rt.tensor([1, 0, 1, 0]), rt.tensor([0.9, 0.8, 0.2, 0.1]));
 * await r.value(); // 0.5
 */
export function recall(options: ThresholdOptions = {}): Metric {
  checkOptions('recall', options);
  return new Recall(options);
}
