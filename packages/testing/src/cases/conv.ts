import {
  type Conv2DAttrs,
  type Conv2DOptions,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  DTypeError,
  InvalidArgumentError,
  ShapeError,
} from '@descent/core';
import {
  type ConformanceCase,
  error,
  f32,
  filled,
  i32,
  iota,
  type TensorSpec,
  value,
} from '../internal/case';
import { type FixtureAdapter, fixtureCases } from '../internal/fixtures';
import { ACCUMULATE } from '../internal/tolerances';

// x = 1..9 as a 3x3 image (NHWC [1,3,3,1]); w = [[1,2],[3,4]] (HWIO [2,2,1,1]).
const X = iota([1, 3, 3, 1], 'float32', 1);
const W = f32([2, 2, 1, 1], [1, 2, 3, 4]);
const VALID: Conv2DAttrs = { strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1] };
const S2P1: Conv2DAttrs = { strides: [2, 2], pads: [1, 1, 1, 1], dilations: [1, 1] };

/** [name, x, w, options, expected]: each output a sum worked out by hand. */
const FORWARD: [string, TensorSpec, TensorSpec, Conv2DOptions, TensorSpec][] = [
  // y00 = 1·1+2·2+4·3+5·4 = 37, y01 = 2+6+15+24 = 47, y10 = 4+10+21+32 = 67, y11 = 5+12+24+36 = 77.
  ['valid, stride 1', X, W, {}, f32([1, 2, 2, 1], [37, 47, 67, 77])],
  ['stride 2', X, W, { strides: 2 }, f32([1, 1, 1, 1], [37])],
  // Padded 5x5, windows at rows/cols 0 and 2: 1·4 = 4, 2·3+3·4 = 18, 4·2+7·4 = 36, 77.
  ['stride 2, pads 1', X, W, { strides: 2, padding: 1 }, f32([1, 2, 2, 1], [4, 18, 36, 77])],
  // Dilation 2 reads the corners: 1·1+3·2+7·3+9·4 = 64.
  ['dilation 2', X, W, { dilations: 2 }, f32([1, 1, 1, 1], [64])],
  // 'same' at stride 1 pads bottom/right by 1: y02 = 3·1+6·3 = 21, y12 = 6·1+9·3 = 33, y20 = 7+16 = 23, y21 = 8+18 = 26, y22 = 9.
  ['same padding', X, W, { padding: 'same' }, f32([1, 3, 3, 1], [37, 47, 21, 67, 77, 33, 23, 26, 9])],
  // Two input channels [1,2] into three outputs: w[c][o] = [[1,2,3],[4,5,6]] → [1+8, 2+10, 3+12].
  [
    '1x1 filter, 2 to 3 channels',
    f32([1, 1, 1, 2], [1, 2]),
    f32([1, 1, 2, 3], [1, 2, 3, 4, 5, 6]),
    {},
    f32([1, 1, 1, 3], [9, 12, 15]),
  ],
  ['size-1 image and filter', f32([1, 1, 1, 1], [3]), f32([1, 1, 1, 1], [2]), {}, f32([1, 1, 1, 1], [6])],
  ['zero batch', f32([0, 3, 3, 1], []), W, {}, f32([0, 2, 2, 1], [])],
  [
    'zero input channels gives zeros',
    f32([1, 3, 3, 0], []),
    f32([2, 2, 0, 2], []),
    {},
    filled([1, 2, 2, 2], 0),
  ],
  ['zero output channels', X, f32([2, 2, 1, 0], []), {}, f32([1, 2, 2, 0], [])],
];

// dy = ones: dx(i,j) sums the filter taps that touch (i,j). With dy = [1,2,3,4] at stride 2,
// pads 1, each x cell is touched by one window: dx = dy·w at that tap; dw sums dy·x per tap.
const DY4 = f32([1, 2, 2, 1], [1, 2, 3, 4]);
const BACK_INPUT: [string, TensorSpec, TensorSpec, Conv2DAttrs, number[], TensorSpec][] = [
  [
    'valid, dy = 1',
    filled([1, 2, 2, 1], 1),
    W,
    VALID,
    [1, 3, 3, 1],
    f32([1, 3, 3, 1], [1, 3, 2, 4, 10, 6, 3, 7, 4]),
  ],
  ['stride 2, pads 1', DY4, W, S2P1, [1, 3, 3, 1], f32([1, 3, 3, 1], [4, 6, 8, 6, 4, 8, 12, 12, 16])],
  [
    'zero output channels gives zeros',
    f32([1, 2, 2, 0], []),
    f32([2, 2, 1, 0], []),
    VALID,
    [1, 3, 3, 1],
    filled([1, 3, 3, 1], 0),
  ],
  ['zero batch', f32([0, 2, 2, 1], []), W, VALID, [0, 3, 3, 1], f32([0, 3, 3, 1], [])],
];
const BACK_FILTER: [string, TensorSpec, TensorSpec, Conv2DAttrs, number[], TensorSpec][] = [
  ['valid, dy = 1', X, filled([1, 2, 2, 1], 1), VALID, [2, 2, 1, 1], f32([2, 2, 1, 1], [12, 16, 24, 28])],
  ['stride 2, pads 1', X, DY4, S2P1, [2, 2, 1, 1], f32([2, 2, 1, 1], [20, 36, 36, 64])],
  [
    'zero batch gives zeros',
    f32([0, 3, 3, 1], []),
    f32([0, 2, 2, 1], []),
    VALID,
    [2, 2, 1, 1],
    filled([2, 2, 1, 1], 0),
  ],
];

const ADAPTERS: Record<string, FixtureAdapter> = {
  conv2d: {
    run: ([x, w], a) => conv2d(x!, w!, { strides: a.strides, padding: a.padding, dilations: a.dilations }),
    tol: ACCUMULATE,
  },
  conv2dBackpropInput: {
    run: ([dy, w], a) =>
      conv2dBackpropInput(dy!, w!, {
        strides: a.strides,
        pads: a.pads,
        dilations: a.dilations,
        inputShape: a.inputShape,
      }),
    tol: ACCUMULATE,
  },
  conv2dBackpropFilter: {
    run: ([x, dy], a) =>
      conv2dBackpropFilter(x!, dy!, {
        strides: a.strides,
        pads: a.pads,
        dilations: a.dilations,
        filterShape: a.filterShape,
      }),
    tol: ACCUMULATE,
  },
};

function errors(): ConformanceCase[] {
  const x3 = f32([3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  return [
    error('conv2d', 'rank-3 input', [x3, W], ([x, w]) => conv2d(x!, w!), ShapeError),
    error('conv2d', 'channels differ', [filled([1, 3, 3, 2], 1), W], ([x, w]) => conv2d(x!, w!), ShapeError),
    error(
      'conv2d',
      'window larger than the input',
      [filled([1, 2, 2, 1], 1), filled([3, 3, 1, 1], 1)],
      ([x, w]) => conv2d(x!, w!),
      ShapeError,
    ),
    error(
      'conv2d',
      'rejects int32',
      [i32([1, 3, 3, 1], X.data), i32([2, 2, 1, 1], W.data)],
      ([x, w]) => conv2d(x!, w!),
      DTypeError,
    ),
    error('conv2d', 'stride 0', [X, W], ([x, w]) => conv2d(x!, w!, { strides: 0 }), InvalidArgumentError),
    error(
      'conv2d',
      'negative padding',
      [X, W],
      ([x, w]) => conv2d(x!, w!, { padding: -1 }),
      InvalidArgumentError,
    ),
    error(
      'conv2d',
      'dilation 0',
      [X, W],
      ([x, w]) => conv2d(x!, w!, { dilations: [1, 0] }),
      InvalidArgumentError,
    ),
    error(
      'conv2dBackpropInput',
      'dy of the wrong shape',
      [filled([1, 3, 3, 1], 1), W],
      ([dy, w]) => conv2dBackpropInput(dy!, w!, { ...VALID, inputShape: [1, 3, 3, 1] }),
      ShapeError,
    ),
    error(
      'conv2dBackpropInput',
      'filter channels differ from the input',
      [filled([1, 2, 2, 1], 1), W],
      ([dy, w]) => conv2dBackpropInput(dy!, w!, { ...VALID, inputShape: [1, 3, 3, 2] }),
      ShapeError,
    ),
    error(
      'conv2dBackpropFilter',
      'dy of the wrong shape',
      [X, filled([1, 1, 2, 1], 1)],
      ([x, dy]) => conv2dBackpropFilter(x!, dy!, { ...VALID, filterShape: [2, 2, 1, 1] }),
      ShapeError,
    ),
    error(
      'conv2dBackpropFilter',
      'rejects int32 dy',
      [X, i32([1, 2, 2, 1], [1, 1, 1, 1])],
      ([x, dy]) => conv2dBackpropFilter(x!, dy!, { ...VALID, filterShape: [2, 2, 1, 1] }),
      DTypeError,
    ),
  ];
}

/** conv2d and its input / filter gradients: hand cases (strides, pads, dilations, 'same', zero-size), errors, torch fixtures. */
export function convCases(): ConformanceCase[] {
  return [
    ...FORWARD.map(([name, x, w, opts, y]) =>
      value('conv2d', name, [x, w], ([a, b]) => conv2d(a!, b!, opts), y),
    ),
    ...BACK_INPUT.map(([name, dy, w, attrs, inputShape, y]) =>
      value(
        'conv2dBackpropInput',
        name,
        [dy, w],
        ([a, b]) => conv2dBackpropInput(a!, b!, { ...attrs, inputShape }),
        y,
      ),
    ),
    ...BACK_FILTER.map(([name, x, dy, attrs, filterShape, y]) =>
      value(
        'conv2dBackpropFilter',
        name,
        [x, dy],
        ([a, b]) => conv2dBackpropFilter(a!, b!, { ...attrs, filterShape }),
        y,
      ),
    ),
    ...errors(),
    ...fixtureCases('conv', ADAPTERS),
  ];
}
