import { fill, type Runtime, type Shape, type Tensor } from '@descent/core';
import type { Initializer } from './initializer';

/**
 * All zeros (the default for biases).
 *
 * @example
 * new Dense({ units: 4, kernelInitializer: new Zeros() });
 */
export class Zeros implements Initializer {
  readonly className = 'zeros';
  getConfig() {
    return {};
  }
  init(rt: Runtime, shape: Shape): Tensor {
    return fill(rt, shape, 0);
  }
}
