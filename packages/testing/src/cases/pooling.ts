import {
  avgPool,
  avgPoolBackward,
  DTypeError,
  InvalidArgumentError,
  maxPool,
  maxPoolBackward,
  type Pool2DAttrs,
  type Pool2DOptions,
  ShapeError,
  type Tensor,
} from '@descent/core';
import {
  bool,
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
import { ACCUMULATE, EXACT } from '../internal/tolerances';

/** Explicit attributes of the backward kernels. */
function attrs(window: number, strides: number, pad: number, countIncludePad = false): Pool2DAttrs {
  return {
    windowSize: [window, window],
    strides: [strides, strides],
    pads: [pad, pad, pad, pad],
    dilations: [1, 1],
    countIncludePad,
  };
}

// X16 = 1..16 as a 4x4 image; NEG = [[-1,-2],[-3,-4]], where padding (treated as -Infinity) must never win.
const X16 = iota([1, 4, 4, 1], 'float32', 1);
const NEG = f32([1, 2, 2, 1], [-1, -2, -3, -4]);
const X4 = f32([1, 2, 2, 1], [1, 2, 3, 4]);
const K2P1: Pool2DOptions = { windowSize: 2, strides: 1, padding: 1 };

type Pool = (x: Tensor, o: Pool2DOptions) => Tensor;
/** [op, name, x, options, expected]: window maxima and means worked out by hand. */
const FORWARD: [string, Pool, string, TensorSpec, Pool2DOptions, TensorSpec][] = [
  [
    'maxPool',
    maxPool,
    '2x2 windows, strides default to the window',
    X16,
    { windowSize: 2 },
    f32([1, 2, 2, 1], [6, 8, 14, 16]),
  ],
  [
    'maxPool',
    maxPool,
    'int32',
    i32([1, 4, 4, 1], X16.data),
    { windowSize: 2 },
    i32([1, 2, 2, 1], [6, 8, 14, 16]),
  ],
  // 3x3 outputs over the padded 4x4: each window's max over its real cells only.
  [
    'maxPool',
    maxPool,
    'padding never wins over negative values',
    NEG,
    K2P1,
    f32([1, 3, 3, 1], [-1, -1, -2, -1, -1, -2, -3, -3, -4]),
  ],
  // Channels pool independently: c0 = 1,2,3,4, c1 = 8,7,6,5.
  [
    'maxPool',
    maxPool,
    'two channels',
    f32([1, 2, 2, 2], [1, 8, 2, 7, 3, 6, 4, 5]),
    { windowSize: 2 },
    f32([1, 1, 1, 2], [4, 8]),
  ],
  [
    'maxPool',
    maxPool,
    '1x2 window, stride 1',
    f32([1, 1, 3, 1], [1, 3, 2]),
    { windowSize: [1, 2], strides: 1 },
    f32([1, 1, 2, 1], [3, 3]),
  ],
  [
    'maxPool',
    maxPool,
    '-Infinity input',
    f32([1, 1, 2, 1], [-Infinity, -Infinity]),
    { windowSize: [1, 2] },
    f32([1, 1, 1, 1], [-Infinity]),
  ],
  ['maxPool', maxPool, 'size-1 window', f32([1, 1, 1, 1], [7]), { windowSize: 1 }, f32([1, 1, 1, 1], [7])],
  ['maxPool', maxPool, 'zero batch', f32([0, 4, 4, 1], []), { windowSize: 2 }, f32([0, 2, 2, 1], [])],
  ['avgPool', avgPool, '2x2 windows', X16, { windowSize: 2 }, f32([1, 2, 2, 1], [3.5, 5.5, 11.5, 13.5])],
  // Window sums over the padded 2x2 [[1,2],[3,4]]: 1,3,2 / 4,10,6 / 3,7,4; counts of real cells 1,2,1 / 2,4,2 / 1,2,1.
  [
    'avgPool',
    avgPool,
    'pads, padded cells counted (PyTorch default)',
    X4,
    { ...K2P1, countIncludePad: true },
    f32([1, 3, 3, 1], [0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1]),
  ],
  [
    'avgPool',
    avgPool,
    'pads, padded cells left out (TF/Keras)',
    X4,
    K2P1,
    f32([1, 3, 3, 1], [1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4]),
  ],
  ['avgPool', avgPool, 'zero channels', f32([1, 4, 4, 0], []), { windowSize: 2 }, f32([1, 2, 2, 0], [])],
];

/** [name, dy, x, attrs, expected]: where each window's gradient lands. */
const MAX_BACKWARD: [string, TensorSpec, TensorSpec, Pool2DAttrs, TensorSpec][] = [
  [
    'to each window maximum',
    iota([1, 2, 2, 1], 'float32', 1),
    X16,
    attrs(2, 2, 0),
    f32([1, 4, 4, 1], [0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4]),
  ],
  // Ties: the first maximum in row-major window order takes it all.
  [
    'all equal: the first cell wins',
    f32([1, 1, 1, 1], [3]),
    filled([1, 2, 2, 1], 5),
    attrs(2, 2, 0),
    f32([1, 2, 2, 1], [3, 0, 0, 0]),
  ],
  [
    'tie between (0,1) and (1,0): (0,1) wins',
    f32([1, 1, 1, 1], [3]),
    f32([1, 2, 2, 1], [1, 3, 3, 2]),
    attrs(2, 2, 0),
    f32([1, 2, 2, 1], [0, 3, 0, 0]),
  ],
  // Overlapping windows [1,3] and [3,2] share their maximum: gradients add up.
  [
    'overlapping windows accumulate',
    f32([1, 1, 2, 1], [2, 5]),
    f32([1, 1, 3, 1], [1, 3, 2]),
    { ...attrs(1, 1, 0), windowSize: [1, 2] },
    f32([1, 1, 3, 1], [0, 7, 0]),
  ],
  // dy = 1..9 over the nine padded windows of NEG (maxima at x00 x00 x01 / x00 x00 x01 / x10 x10 x11).
  [
    'padding never receives gradient',
    iota([1, 3, 3, 1], 'float32', 1),
    NEG,
    attrs(2, 1, 1),
    f32([1, 2, 2, 1], [12, 9, 15, 9]),
  ],
  ['zero batch', f32([0, 2, 2, 1], []), f32([0, 4, 4, 1], []), attrs(2, 2, 0), f32([0, 4, 4, 1], [])],
];

/** [name, dy, attrs, inputShape, expected]: each window's dy spread evenly over the cells it averaged. */
const AVG_BACKWARD: [string, TensorSpec, Pool2DAttrs, number[], TensorSpec][] = [
  [
    '2x2 windows',
    iota([1, 2, 2, 1], 'float32', 1),
    attrs(2, 2, 0),
    [1, 4, 4, 1],
    f32([1, 4, 4, 1], [0.25, 0.25, 0.5, 0.5, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1, 0.75, 0.75, 1, 1]),
  ],
  // Each real cell lies in 4 windows of 4 cells (1/4 each) ...
  [
    'pads, padded cells counted',
    filled([1, 3, 3, 1], 1),
    attrs(2, 1, 1, true),
    [1, 2, 2, 1],
    filled([1, 2, 2, 1], 1),
  ],
  // ... or, counting real cells only, windows of 1, 2, 2 and 4 cells: 1 + 1/2 + 1/2 + 1/4.
  [
    'pads, padded cells left out',
    filled([1, 3, 3, 1], 1),
    attrs(2, 1, 1),
    [1, 2, 2, 1],
    filled([1, 2, 2, 1], 2.25),
  ],
  ['zero batch', f32([0, 2, 2, 1], []), attrs(2, 2, 0), [0, 4, 4, 1], f32([0, 4, 4, 1], [])],
];

const fwdOptions = (a: Record<string, unknown>): Pool2DOptions => ({
  windowSize: a.windowSize as [number, number],
  strides: a.strides as [number, number],
  padding: a.padding as Pool2DOptions['padding'],
  countIncludePad: (a.countIncludePad as boolean | undefined) ?? false,
});
const backAttrs = (a: Record<string, unknown>): Pool2DAttrs => ({
  windowSize: a.windowSize as [number, number],
  strides: a.strides as [number, number],
  pads: a.pads as [number, number, number, number],
  dilations: a.dilations as [number, number],
  countIncludePad: a.countIncludePad as boolean,
});

const ADAPTERS: Record<string, FixtureAdapter> = {
  maxPool: { run: ([x], a) => maxPool(x!, fwdOptions(a)), tol: EXACT },
  maxPoolBackward: { run: ([dy, x], a) => maxPoolBackward(dy!, x!, backAttrs(a)), tol: ACCUMULATE },
  avgPool: { run: ([x], a) => avgPool(x!, fwdOptions(a)), tol: ACCUMULATE },
  avgPoolBackward: {
    run: ([dy], a) => avgPoolBackward(dy!, { ...backAttrs(a), inputShape: a.inputShape }),
    tol: ACCUMULATE,
  },
};

function errors(): ConformanceCase[] {
  const x = [X16];
  const two: Pool2DOptions = { windowSize: 2 };
  return [
    error('maxPool', 'rank-3 input', [f32([4, 4, 1], X16.data)], ([t]) => maxPool(t!, two), ShapeError),
    error('maxPool', 'window 0', x, ([t]) => maxPool(t!, { windowSize: 0 }), InvalidArgumentError),
    error(
      'maxPool',
      'stride 0',
      x,
      ([t]) => maxPool(t!, { windowSize: 2, strides: 0 }),
      InvalidArgumentError,
    ),
    error(
      'maxPool',
      'padding as large as the window',
      x,
      ([t]) => maxPool(t!, { windowSize: 2, padding: 2 }),
      ShapeError,
    ),
    error('maxPool', 'window larger than the input', x, ([t]) => maxPool(t!, { windowSize: 5 }), ShapeError),
    error(
      'maxPool',
      'rejects bool',
      [bool([1, 2, 2, 1], [1, 0, 1, 0])],
      ([t]) => maxPool(t!, two),
      DTypeError,
    ),
    error('avgPool', 'rejects int32', [i32([1, 4, 4, 1], X16.data)], ([t]) => avgPool(t!, two), DTypeError),
    error(
      'avgPool',
      'negative padding',
      x,
      ([t]) => avgPool(t!, { windowSize: 2, padding: -1 }),
      InvalidArgumentError,
    ),
    error(
      'maxPoolBackward',
      'dy of the wrong shape',
      [filled([1, 3, 3, 1], 1), X16],
      ([dy, t]) => maxPoolBackward(dy!, t!, attrs(2, 2, 0)),
      ShapeError,
    ),
    error(
      'maxPoolBackward',
      'rejects int32',
      [i32([1, 2, 2, 1], [1, 1, 1, 1]), i32([1, 4, 4, 1], X16.data)],
      ([dy, t]) => maxPoolBackward(dy!, t!, attrs(2, 2, 0)),
      DTypeError,
    ),
    error(
      'avgPoolBackward',
      'dy of the wrong shape',
      [filled([1, 3, 3, 1], 1)],
      ([dy]) => avgPoolBackward(dy!, { ...attrs(2, 2, 0), inputShape: [1, 4, 4, 1] }),
      ShapeError,
    ),
  ];
}

/** maxPool, avgPool and their gradients: hand cases (ties, padding, both avg counting rules, zero-size), errors, torch fixtures. */
export function poolingCases(): ConformanceCase[] {
  return [
    ...FORWARD.map(([op, fn, name, x, opts, y]) => value(op, name, [x], ([t]) => fn(t!, opts), y)),
    ...MAX_BACKWARD.map(([name, dy, x, a, y]) =>
      value('maxPoolBackward', name, [dy, x], ([d, t]) => maxPoolBackward(d!, t!, a), y),
    ),
    ...AVG_BACKWARD.map(([name, dy, a, inputShape, y]) =>
      value('avgPoolBackward', name, [dy], ([d]) => avgPoolBackward(d!, { ...a, inputShape }), y),
    ),
    ...errors(),
    ...fixtureCases('pooling', ADAPTERS),
  ];
}
