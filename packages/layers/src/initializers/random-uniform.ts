import {
  checkOptions,
  InvalidArgumentError,
  type Runtime,
  randomUniform,
  type Shape,
  type Tensor,
} from '@descent/core';
import { num } from '../internal/options';
import type { Initializer } from './initializer';

/**
 * Uniform in [min, max), by default [-0.05, 0.05) like Keras (Embedding's default).
 * Registered as `randomUniform` and `uniform`.
 *
 * @example
 * new Embedding({ inputDim: 100, outputDim: 8, embeddingsInitializer: new RandomUniform({ min: -0.1, max: 0.1 }) });
 */
export class RandomUniform implements Initializer {
  readonly className = 'randomUniform';
  /** Lower bound, included (default -0.05). */
  readonly min: number;
  /** Upper bound, excluded (default 0.05). */
  readonly max: number;
  constructor(options: { min?: number; max?: number } = {}) {
    checkOptions('RandomUniform', options);
    this.min = num('RandomUniform', 'min', options.min, -0.05);
    this.max = num('RandomUniform', 'max', options.max, 0.05);
    if (!(this.min <= this.max))
      throw new InvalidArgumentError('RandomUniform', `expected min <= max, got ${this.min} and ${this.max}`);
  }
  getConfig() {
    return { min: this.min, max: this.max };
  }
  init(rt: Runtime, shape: Shape): Tensor {
    return randomUniform(rt, shape, { min: this.min, max: this.max });
  }
}
