import { fmtShape, ShapeError } from '../errors';
import type { Pool2DAttrs } from '../ops/conv2d-attrs';
import type { Tensor } from '../tensor';
import { type Padding, pair, resolvePads } from './window';

export interface Pool2DOptions {
  /** Window height and width. */
  windowSize: number | readonly [number, number];
  /** Defaults to the window size, like Keras. */
  strides?: number | readonly [number, number];
  padding?: Padding;
  countIncludePad?: boolean;
}

/** Resolves user pooling options against an NHWC input. */
export function pool2dAttrs(op: string, x: Tensor, options: Pool2DOptions): Pool2DAttrs {
  const windowSize = pair(op, 'windowSize', options?.windowSize);
  const strides = pair(op, 'strides', options.strides ?? windowSize);
  if (x?.rank !== 4) throw new ShapeError(op, `expected a 4-D NHWC input, got ${fmtShape(x?.shape ?? [])}`);
  const pads = resolvePads(op, options.padding ?? 'valid', [x.shape[1]!, x.shape[2]!], windowSize, strides);
  if (
    pads[0] >= windowSize[0] ||
    pads[1] >= windowSize[0] ||
    pads[2] >= windowSize[1] ||
    pads[3] >= windowSize[1]
  ) {
    throw new ShapeError(
      op,
      `padding ${fmtShape(pads)} must be smaller than the window ${fmtShape(windowSize)}`,
    );
  }
  return { windowSize, strides, pads, dilations: [1, 1], countIncludePad: options.countIncludePad ?? false };
}
