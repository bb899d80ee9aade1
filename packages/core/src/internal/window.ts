import { fmtShape, InvalidArgumentError, ShapeError } from '../errors';
import type { Conv2DAttrs } from '../ops/conv2d-attrs';
import { windowOutputSize } from '../shape';
import type { Shape, TensorInfo } from '../types';

/** 'valid' (no padding), 'same' (output = ceil(input / stride), TF split), or explicit pads. */
export type Padding =
  | 'valid'
  | 'same'
  | number
  | readonly [number, number]
  | readonly [number, number, number, number];

export function pair(op: string, name: string, v: number | readonly [number, number]): [number, number] {
  const p: [number, number] = typeof v === 'number' ? [v, v] : [v[0], v[1]];
  if (!p.every((x) => Number.isInteger(x) && x >= 1)) {
    throw new InvalidArgumentError(op, `${name} must be positive integers, got ${JSON.stringify(v)}`);
  }
  return p;
}

/** Pads [top, bottom, left, right] for a padding option, TensorFlow's 'same' rule included. */
export function resolvePads(
  op: string,
  padding: Padding,
  inHW: readonly [number, number],
  windowHW: readonly [number, number],
  strides: readonly [number, number],
  dilations: readonly [number, number] = [1, 1],
): [number, number, number, number] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (padding === 'same') {
    const along = (i: 0 | 1): [number, number] => {
      const effective = (windowHW[i] - 1) * dilations[i] + 1;
      const out = Math.ceil(inHW[i] / strides[i]);
      const total = Math.max((out - 1) * strides[i] + effective - inHW[i], 0);
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    };
    return [...along(0), ...along(1)];
  }
  const p =
    typeof padding === 'number'
      ? [padding, padding, padding, padding]
      : padding.length === 2
        ? [padding[0], padding[0], padding[1], padding[1]]
        : [...padding];
  if (p.length !== 4 || !p.every((x) => Number.isInteger(x) && x >= 0)) {
    throw new InvalidArgumentError(
      op,
      `padding must be 'valid', 'same' or non-negative integers, got ${JSON.stringify(padding)}`,
    );
  }
  return p as [number, number, number, number];
}

/** NHWC output shape of a window op over `x`; throws if the window does not fit. */
export function windowOutputShape(
  op: string,
  x: Shape,
  window: readonly [number, number],
  attrs: Conv2DAttrs,
  channels: number,
): number[] {
  if (x.length !== 4) throw new ShapeError(op, `expected a 4-D NHWC input, got ${fmtShape(x)}`);
  const [t, b, l, r] = attrs.pads;
  const oh = windowOutputSize(x[1]!, window[0], attrs.strides[0], t, b, attrs.dilations[0]);
  const ow = windowOutputSize(x[2]!, window[1], attrs.strides[1], l, r, attrs.dilations[1]);
  // Like TF and PyTorch: a window larger than the padded input is an error, not an empty output.
  if (oh < 1 || ow < 1) {
    const eff = window.map((w, i) => (w - 1) * attrs.dilations[i]! + 1);
    throw new ShapeError(
      op,
      `window ${fmtShape(eff)} (dilated) is larger than input ${fmtShape(x)} padded by ${fmtShape(attrs.pads)}`,
    );
  }
  return [x[0]!, oh, ow, channels];
}

export function expectShape(op: string, what: string, got: TensorInfo, expected: Shape): void {
  if (got.shape.length !== expected.length || got.shape.some((d, i) => d !== expected[i])) {
    throw new ShapeError(op, `${what} must have shape ${fmtShape(expected)}, got ${fmtShape(got.shape)}`);
  }
}
