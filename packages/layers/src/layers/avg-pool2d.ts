import { avgPool, type Tensor } from '@descent/core';
import { type Pool2DArgs, Pool2DLayer } from '../internal/pooling';

/** Options of `AvgPool2D`. */
export type AvgPool2DArgs = Pool2DArgs;

/**
 * Mean over windows of NHWC images (Keras' AveragePooling2D). With 'same' padding a window
 * averages only its cells inside the image, as Keras (PyTorch's default counts the padding).
 *
 * @example
 * new AvgPool2D({ poolSize: 2 }); // [n,28,28,c] → [n,14,14,c]
 */
export class AvgPool2D extends Pool2DLayer {
  readonly className = 'AvgPool2D';
  constructor(args: AvgPool2DArgs = {}) {
    super('AvgPool2D', args);
  }
  /** Averages each window of the NHWC batch `x`. */
  protected pool(x: Tensor): Tensor {
    return avgPool(x, {
      windowSize: this.poolSize,
      strides: this.strides,
      padding: this.padding,
      countIncludePad: false,
    });
  }
}
