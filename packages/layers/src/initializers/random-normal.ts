import {
  checkOptions,
  InvalidArgumentError,
  type Runtime,
  randomNormal,
  type Shape,
  type Tensor,
} from '@descent/core';
import { num } from '../internal/options';
import type { Initializer } from './initializer';

/**
 * Normal with the given mean and standard deviation (default 0 and 0.05, like Keras).
 * Registered as `randomNormal` and `normal`.
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new RandomNormal({ std: 0.01 }) });
 */
export class RandomNormal implements Initializer {
  readonly className = 'randomNormal';
  /** Mean of the distribution (default 0). */
  readonly mean: number;
  /** Standard deviation (default 0.05). */
  readonly std: number;
  constructor(options: { mean?: number; std?: number } = {}) {
    checkOptions('RandomNormal', options);
    this.mean = num('RandomNormal', 'mean', options.mean, 0);
    this.std = num('RandomNormal', 'std', options.std, 0.05);
    if (this.std < 0) throw new InvalidArgumentError('RandomNormal', `std must be >= 0, got ${this.std}`);
  }
  getConfig() {
    return { mean: this.mean, std: this.std };
  }
  init(rt: Runtime, shape: Shape): Tensor {
    return randomNormal(rt, shape, { mean: this.mean, std: this.std });
  }
}
