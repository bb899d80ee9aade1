import { fmtShape, InvalidArgumentError, ShapeError } from '../errors';
import type { Pool2DAttrs } from '../ops/conv2d-attrs';
import type { Tensor } from '../tensor';
import type { Shape } from '../types';
import { type Padding, pair, resolvePads, windowOutputShape } from './window';

/** Options of `maxPool` and `avgPool` over an NHWC input. */
export interface Pool2DOptions {
  /** Window height and width. */
  windowSize: number | readonly [number, number];
  /** Defaults to the window size, like Keras. */
  strides?: number | readonly [number, number];
  /** `'valid'` (default), `'same'`, or explicit padding. */
  padding?: Padding;
  /**
   * avgPool only: divide by the whole window, padding included (PyTorch's default), instead of its unpadded
   * part (TF/Keras, the default here).
   */
  countIncludePad?: boolean;
}

/** Resolves user pooling options against an NHWC input. */
export function pool2dAttrs(op: string, x: Tensor, options: Pool2DOptions): Pool2DAttrs {
  const windowSize = pair(op, 'windowSize', options?.windowSize);
  const strides = pair(op, 'strides', options.strides ?? windowSize);
  if (x?.rank !== 4) throw new ShapeError(op, `expected a 4-D NHWC input, got ${fmtShape(x?.shape ?? [])}`);
  const pads = resolvePads(op, options.padding ?? 'valid', [x.shape[1]!, x.shape[2]!], windowSize, strides);
  return { windowSize, strides, pads, dilations: [1, 1], countIncludePad: options.countIncludePad ?? false };
}

/**
 * NHWC output shape of a pooling op over `inputShape`, validating attrs made by hand too:
 * no dilation, and every pad smaller than the window so no window sees only padding.
 */
export function poolOutputShape(op: string, inputShape: Shape, attrs: Pool2DAttrs): number[] {
  const [wh, ww] = attrs.windowSize;
  const [t, b, l, r] = attrs.pads;
  if (attrs.dilations[0] !== 1 || attrs.dilations[1] !== 1) {
    throw new InvalidArgumentError(op, `pooling takes no dilation, got ${fmtShape(attrs.dilations)}`);
  }
  if (t >= wh || b >= wh || l >= ww || r >= ww) {
    throw new ShapeError(
      op,
      `padding ${fmtShape(attrs.pads)} must be smaller than the window ${fmtShape(attrs.windowSize)}`,
    );
  }
  return windowOutputShape(op, inputShape, attrs.windowSize, attrs, inputShape[3] ?? 0);
}
