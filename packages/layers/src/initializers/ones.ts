import { fill, type Runtime, type Shape, type Tensor } from '@descent/core';
import type { Initializer } from './initializer';

/**
 * All ones (BatchNormalization's gamma).
 *
 * @example
 * new BatchNormalization({ gammaInitializer: new Ones() });
 */
export class Ones implements Initializer {
  readonly className = 'ones';
  getConfig() {
    return {};
  }
  init(rt: Runtime, shape: Shape): Tensor {
    return fill(rt, shape, 1);
  }
}
