import { fmtShape, ShapeError } from '../errors';
import { FLOAT } from '../internal/elementwise';
import { assertDType, assertTensor, run } from '../internal/op-helpers';
import { type Padding, pair, resolvePads, windowOutputShape } from '../internal/window';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { Conv2DAttrs } from './conv2d-attrs';

const def = defineOp<Conv2DAttrs>({
  name: 'conv2d',
  arity: 2,
  infer: ([x, f], attrs) => {
    assertDType('conv2d', x!, FLOAT);
    assertDType('conv2d', f!, FLOAT);
    if (f!.shape.length !== 4 || x!.shape.length !== 4 || f!.shape[2] !== x!.shape[3]) {
      throw new ShapeError(
        'conv2d',
        `expected input [n,h,w,c] and filter [fh,fw,c,cout] with matching c, got ${fmtShape(x!.shape)} and ${fmtShape(f!.shape)}`,
      );
    }
    return {
      shape: windowOutputShape('conv2d', x!.shape, [f!.shape[0]!, f!.shape[1]!], attrs, f!.shape[3]!),
      dtype: 'float32',
    };
  },
});

/** Options of `conv2d` (NHWC input, HWIO filter). */
export interface Conv2DOptions {
  /** Vertical and horizontal stride, or one for both (default 1). */
  strides?: number | readonly [number, number];
  /** `'valid'` (default), `'same'`, or explicit padding. */
  padding?: Padding;
  /** Dilation of the filter, or one for both (default 1). */
  dilations?: number | readonly [number, number];
}

/** Resolves user conv options against an input and window size. */
export function conv2dAttrs(
  op: string,
  x: Tensor,
  window: readonly [number, number],
  options: Conv2DOptions,
): Conv2DAttrs {
  const strides = pair(op, 'strides', options.strides ?? 1);
  const dilations = pair(op, 'dilations', options.dilations ?? 1);
  if (x?.rank !== 4) throw new ShapeError(op, `expected a 4-D NHWC input, got ${fmtShape(x?.shape ?? [])}`);
  const pads = resolvePads(
    op,
    options.padding ?? 'valid',
    [x.shape[1]!, x.shape[2]!],
    window,
    strides,
    dilations,
  );
  return { strides, pads, dilations };
}

/**
 * 2-D convolution (cross-correlation, like every framework) of an NHWC batch with an HWIO
 * filter. Primitive op `conv2d`.
 *
 * @example
 * conv2d(images, kernel, { strides: 1, padding: 'same' }); // [n,28,28,1] * [3,3,1,8] → [n,28,28,8]
 */
export function conv2d(x: Tensor, filter: Tensor, options: Conv2DOptions = {}): Tensor {
  assertTensor('conv2d', x);
  const window: [number, number] = [filter?.shape[0] ?? 0, filter?.shape[1] ?? 0];
  return run(def, [x, filter], conv2dAttrs('conv2d', x, window, options));
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
conv2d.def = def;
