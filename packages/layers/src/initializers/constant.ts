import { checkOptions, fill, type Runtime, type Shape, type Tensor } from '@descent/core';
import { num } from '../internal/options';
import type { Initializer } from './initializer';

/**
 * Every element `value`.
 *
 * @example
 * new Dense({ units: 4, biasInitializer: new Constant({ value: 0.1 }) });
 */
export class Constant implements Initializer {
  readonly className = 'constant';
  /** The value of every element. */
  readonly value: number;
  constructor(options: { value?: number } = {}) {
    checkOptions('Constant', options);
    this.value = num('Constant', 'value', options.value, 0);
  }
  getConfig() {
    return { value: this.value };
  }
  init(rt: Runtime, shape: Shape): Tensor {
    return fill(rt, shape, this.value);
  }
}
