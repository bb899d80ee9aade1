import {
  checkOptions,
  InvalidArgumentError,
  type Runtime,
  type Shape,
  type Tensor,
  truncatedNormal,
} from '@descent/core';
import { num } from '../internal/options';
import type { Initializer } from './initializer';

/**
 * Normal truncated to mean ± 2·std (default 0 and 0.05, like Keras).
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new TruncatedNormal({ std: 0.02 }) });
 */
export class TruncatedNormal implements Initializer {
  readonly className = 'truncatedNormal';
  /** Mean of the distribution (default 0). */
  readonly mean: number;
  /** Standard deviation before truncation (default 0.05). */
  readonly std: number;
  constructor(options: { mean?: number; std?: number } = {}) {
    checkOptions('TruncatedNormal', options);
    this.mean = num('TruncatedNormal', 'mean', options.mean, 0);
    this.std = num('TruncatedNormal', 'std', options.std, 0.05);
    if (this.std < 0) throw new InvalidArgumentError('TruncatedNormal', `std must be >= 0, got ${this.std}`);
  }
  getConfig() {
    return { mean: this.mean, std: this.std };
  }
  init(rt: Runtime, shape: Shape): Tensor {
    return truncatedNormal(rt, shape, { mean: this.mean, std: this.std });
  }
}
