import { add, checkOptions, type Tensor } from '@descent/core';
import { ConfusionMetric, type ThresholdOptions } from '../internal/confusion-metric';
import { divNoNan } from '../internal/running-sums';
import type { Metric } from './metric';

class Precision extends ConfusionMetric {
  readonly className = 'precision';
  constructor(options: ThresholdOptions) {
    super('precision', options);
  }
  result(): Tensor {
    return this.sums.compute(this.name, (get) => divNoNan(get('tp'), add(get('tp'), get('fp'))));
  }
}

/**
 * tp / (tp + fp) over every element of every batch (0 when nothing was predicted positive),
 * for binary or multi-label 0/1 targets.
 *
 * @example
 * const p = precision();
 * p.update(rt.tensor([1, 0, 1, 0]), rt.tensor([0.9, 0.8, 0.2, 0.1]));
 * await p.value(); // 0.5
 */
export function precision(options: ThresholdOptions = {}): Metric {
  checkOptions('precision', options);
  return new Precision(options);
}
