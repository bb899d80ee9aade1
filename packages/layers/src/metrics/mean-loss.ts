import type { Tensor } from '@descent/core';
import { checkFunction, checkOptions } from '@descent/core';
import { MeanMetricBase } from '../internal/mean-metric-base';
import type { Loss } from '../losses/loss';
import type { Metric, MetricOptions } from './metric';

class MeanLoss extends MeanMetricBase {
  readonly className = 'meanLoss';
  constructor(
    private readonly loss: Loss | ((yTrue: Tensor, yPred: Tensor) => Tensor),
    options: MetricOptions,
  ) {
    super({ name: options.name ?? ('className' in loss ? loss.className : loss.name || 'loss') });
  }
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    if ('perSample' in this.loss) return this.loss.perSample(yTrue, yPred);
    return this.loss(yTrue, yPred);
  }
}

/**
 * The mean of a loss over every sample seen (Keras' MeanMetricWrapper): with a `Loss` each
 * sample counts once, however batches are sized; a plain function's outputs are averaged
 * element by element.
 *
 * @example
 * const valLoss = meanLoss(sparseCategoricalCrossentropy({ fromLogits: true }), { name: 'val_loss' });
 * valLoss.update(labels, logits);
 */
export function meanLoss(
  loss: Loss | ((yTrue: Tensor, yPred: Tensor) => Tensor),
  options: MetricOptions = {},
): Metric {
  checkFunction('meanLoss', 'loss', loss);
  checkOptions('meanLoss', options);
  return new MeanLoss(loss, options);
}
