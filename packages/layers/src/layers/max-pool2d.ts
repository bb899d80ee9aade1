import { maxPool, type Tensor } from '@descent/core';
import { type Pool2DArgs, Pool2DLayer } from '../internal/pooling';

/** Options of `MaxPool2D`. */
export type MaxPool2DArgs = Pool2DArgs;

/**
 * Max over windows of NHWC images (Keras' MaxPooling2D). With 'same' padding the padded cells
 * never win.
 *
 * @example
 * new MaxPool2D({ poolSize: 2 }); // [n,28,28,c] → [n,14,14,c]
 */
export class MaxPool2D extends Pool2DLayer {
  readonly className = 'MaxPool2D';
  constructor(args: MaxPool2DArgs = {}) {
    super('MaxPool2D', args);
  }
  /** Takes the maximum of each window of the NHWC batch `x`. */
  protected pool(x: Tensor): Tensor {
    return maxPool(x, { windowSize: this.poolSize, strides: this.strides, padding: this.padding });
  }
}
