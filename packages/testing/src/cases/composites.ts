import {
  argmin,
  clip,
  DTypeError,
  expandDims,
  InvalidArgumentError,
  logSoftmax,
  logSumExp,
  mean,
  min,
  ones,
  onesLike,
  reciprocal,
  relu,
  ShapeError,
  sigmoid,
  softmax,
  softplus,
  square,
  squeeze,
  stack,
  type Tensor,
  variance,
  zeros,
  zerosLike,
} from '@descent/core';
import {
  bool,
  type ConformanceCase,
  error,
  f32,
  filled,
  i32,
  type TensorSpec,
  value,
  vec,
} from '../internal/case';
import { type FixtureAdapter, fixtureCases } from '../internal/fixtures';
import { COMPOSITE } from '../internal/tolerances';

const NaN = Number.NaN;
const Inf = Infinity;
const LN2 = Math.LN2;

/** The composites core builds from primitives; each must have at least one case (see the coverage check). */
export const COMPOSITE_NAMES = [
  'sigmoid',
  'softmax',
  'logSoftmax',
  'logSumExp',
  'mean',
  'variance',
  'min',
  'argmin',
  'relu',
  'softplus',
  'square',
  'reciprocal',
  'clip',
  'expandDims',
  'squeeze',
  'stack',
  'zeros',
  'ones',
  'zerosLike',
  'onesLike',
  'randomUniform',
  'randomNormal',
  'truncatedNormal',
] as const;

type Row = [
  op: string,
  name: string,
  inputs: TensorSpec[],
  run: (xs: Tensor[]) => Tensor,
  expected: TensorSpec,
];

/** Closed forms at points where they are exact or nearly so, including saturation and ±Infinity. */
const HAND: Row[] = [
  // e^100 overflows float32, so 1/(1 + e^-x) must saturate to exactly 0 or 1, never NaN.
  [
    'sigmoid',
    'saturates without NaN',
    [vec([0, 100, -100, NaN])],
    ([x]) => sigmoid(x!),
    vec([0.5, 1, 0, NaN]),
  ],
  [
    'softplus',
    'large |x| without overflow',
    [vec([0, 100, -100, NaN])],
    ([x]) => softplus(x!),
    vec([LN2, 100, 0, NaN]),
  ],
  // Large logits shift by the max; -Infinity gets probability 0.
  [
    'softmax',
    'large and infinite logits',
    [f32([3, 2], [1000, 1000, -Inf, 0, 1, 1])],
    ([x]) => softmax(x!),
    f32([3, 2], [0.5, 0.5, 0, 1, 0.5, 0.5]),
  ],
  [
    'softmax',
    'axis 0',
    [f32([2, 2], [0, 0, Math.log(3), 0])],
    ([x]) => softmax(x!, 0),
    f32([2, 2], [0.25, 0.5, 0.75, 0.5]),
  ],
  ['softmax', 'size-1 axis gives ones', [f32([3, 1], [-5, 0, 7])], ([x]) => softmax(x!), filled([3, 1], 1)],
  [
    'logSoftmax',
    'large and infinite logits',
    [f32([2, 2], [1000, 1000, 0, -Inf])],
    ([x]) => logSoftmax(x!),
    f32([2, 2], [-LN2, -LN2, 0, -Inf]),
  ],
  [
    'logSumExp',
    'rows of -Infinity give -Infinity',
    [f32([2, 2], [-Inf, -Inf, 1000, 1000])],
    ([x]) => logSumExp(x!, 1),
    vec([-Inf, 1000 + LN2]),
  ],
  [
    'logSumExp',
    'Infinity and NaN propagate',
    [f32([2, 2], [Inf, 1, NaN, 1])],
    ([x]) => logSumExp(x!, 1),
    vec([Inf, NaN]),
  ],
  [
    'logSumExp',
    'all axes, keepDims',
    [filled([2, 2], 0)],
    ([x]) => logSumExp(x!, undefined, true),
    f32([1, 1], [Math.log(4)]),
  ],
  ['mean', 'all axes', [f32([2, 2], [1, 2, 3, 4])], ([x]) => mean(x!), f32([], [2.5])],
  [
    'mean',
    'axis 1 keepDims',
    [f32([2, 2], [1, 2, 3, 4])],
    ([x]) => mean(x!, 1, true),
    f32([2, 1], [1.5, 3.5]),
  ],
  ['mean', 'of nothing is NaN', [f32([0], [])], ([x]) => mean(x!), f32([], [NaN])],
  ['mean', 'int32 gives float32', [i32([2], [1, 2])], ([x]) => mean(x!), f32([], [1.5])],
  // Σ(x - 2.5)² = 5 over [1,2,3,4]: 5/4 and 5/3.
  ['variance', 'correction 0', [vec([1, 2, 3, 4])], ([x]) => variance(x!), f32([], [1.25])],
  [
    'variance',
    'correction 1',
    [vec([1, 2, 3, 4])],
    ([x]) => variance(x!, undefined, false, 1),
    f32([], [5 / 3]),
  ],
  [
    'variance',
    'per row, constant row is 0',
    [f32([2, 2], [1, 3, 2, 2])],
    ([x]) => variance(x!, 1),
    vec([1, 0]),
  ],
  ['variance', 'int32 gives float32', [i32([4], [1, 2, 3, 4])], ([x]) => variance(x!), f32([], [1.25])],
  ['softmax', 'empty axis gives an empty result', [f32([2, 0], [])], ([x]) => softmax(x!), f32([2, 0], [])],
  // log of an empty sum is log 0, as in PyTorch.
  [
    'logSumExp',
    'over an empty axis is -Infinity',
    [f32([2, 0], [])],
    ([x]) => logSumExp(x!, 1),
    vec([-Inf, -Inf]),
  ],
  ['min', 'axis 1', [f32([2, 2], [3, 1, 2, 5])], ([x]) => min(x!, 1), vec([1, 2])],
  ['min', 'NaN propagates', [vec([1, NaN, -3])], ([x]) => min(x!), f32([], [NaN])],
  ['min', 'int32 keepDims', [i32([3], [4, -2, 7])], ([x]) => min(x!, 0, true), i32([1], [-2])],
  ['argmin', 'first on ties', [vec([3, 1, 1])], ([x]) => argmin(x!), i32([], [1])],
  ['argmin', 'axis 0, int32', [i32([2, 2], [2, 1, 0, 5])], ([x]) => argmin(x!, 0), i32([2], [1, 0])],
  ['relu', 'float32', [vec([-1, 0, 2, NaN, -Inf])], ([x]) => relu(x!), vec([0, 0, 2, NaN, 0])],
  ['relu', 'int32', [i32([2], [-3, 4])], ([x]) => relu(x!), i32([2], [0, 4])],
  ['square', 'float32', [vec([-3, 1.5, -Inf])], ([x]) => square(x!), vec([9, 2.25, Inf])],
  ['square', 'int32', [i32([2], [-3, 4])], ([x]) => square(x!), i32([2], [9, 16])],
  [
    'reciprocal',
    'with 0 and Infinity',
    [vec([2, -4, 0, Inf])],
    ([x]) => reciprocal(x!),
    vec([0.5, -0.25, Inf, 0]),
  ],
  ['clip', 'float32', [vec([-2, 0.5, 3, NaN])], ([x]) => clip(x!, -1, 1), vec([-1, 0.5, 1, NaN])],
  ['clip', 'int32', [i32([3], [-5, 0, 5])], ([x]) => clip(x!, -2, 2), i32([3], [-2, 0, 2])],
  [
    'expandDims',
    'axis 1',
    [f32([2, 3], [1, 2, 3, 4, 5, 6])],
    ([x]) => expandDims(x!, 1),
    f32([2, 1, 3], [1, 2, 3, 4, 5, 6]),
  ],
  ['expandDims', 'axis -1', [f32([2], [1, 2])], ([x]) => expandDims(x!, -1), f32([2, 1], [1, 2])],
  ['expandDims', 'scalar', [i32([], [5])], ([x]) => expandDims(x!), i32([1], [5])],
  ['squeeze', 'all size-1 axes', [f32([1, 2, 1], [1, 2])], ([x]) => squeeze(x!), vec([1, 2])],
  ['squeeze', 'one axis', [f32([1, 2, 1], [1, 2])], ([x]) => squeeze(x!, 0), f32([2, 1], [1, 2])],
  ['stack', 'axis 0', [vec([1, 2]), vec([3, 4])], (xs) => stack(xs), f32([2, 2], [1, 2, 3, 4])],
  ['stack', 'axis -1', [vec([1, 2]), vec([3, 4])], (xs) => stack(xs, -1), f32([2, 2], [1, 3, 2, 4])],
  ['stack', 'scalars', [i32([], [1]), i32([], [2]), i32([], [3])], (xs) => stack(xs), i32([3], [1, 2, 3])],
  ['zerosLike', 'bool', [bool([2], [1, 1])], ([x]) => zerosLike(x!), bool([2], [0, 0])],
  ['onesLike', 'int32', [i32([2, 1], [5, 6])], ([x]) => onesLike(x!), i32([2, 1], [1, 1])],
];

const ADAPTERS: Record<string, FixtureAdapter> = {
  softmax: { run: ([x], a) => softmax(x!, a.axis), tol: COMPOSITE },
  logSoftmax: { run: ([x], a) => logSoftmax(x!, a.axis), tol: COMPOSITE },
  logSumExp: { run: ([x], a) => logSumExp(x!, a.axes ?? undefined, a.keepDims), tol: COMPOSITE },
  mean: { run: ([x], a) => mean(x!, a.axes ?? undefined, a.keepDims), tol: COMPOSITE },
  variance: { run: ([x], a) => variance(x!, a.axes ?? undefined, a.keepDims, a.correction), tol: COMPOSITE },
  sigmoid: { run: ([x]) => sigmoid(x!), tol: COMPOSITE },
  softplus: { run: ([x]) => softplus(x!), tol: COMPOSITE },
};

function errors(): ConformanceCase[] {
  const x = [vec([1, 2])];
  return [
    error('clip', 'lo above hi', x, ([t]) => clip(t!, 1, 0), InvalidArgumentError),
    error('squeeze', 'an axis of size 2', x, ([t]) => squeeze(t!, 0), InvalidArgumentError),
    error('expandDims', 'axis out of range', x, ([t]) => expandDims(t!, 3), InvalidArgumentError),
    error('stack', 'no inputs', [], () => stack([]), InvalidArgumentError),
    error('stack', 'shapes differ', [vec([1, 2]), vec([1, 2, 3])], (xs) => stack(xs), ShapeError),
    error('softmax', 'rejects int32', [i32([2], [1, 2])], ([t]) => softmax(t!), DTypeError),
    error('sigmoid', 'rejects int32', [i32([2], [1, 2])], ([t]) => sigmoid(t!), DTypeError),
  ];
}

/** Composites of core on this backend: hand cases at saturating and infinite inputs, errors, torch fixtures. */
export function compositeCases(): ConformanceCase[] {
  return [
    ...HAND.map(([op, name, inputs, run, y]) => value(op, name, inputs, run, y, COMPOSITE)),
    value('zeros', 'float32 [2,3]', [], (_, rt) => zeros(rt, [2, 3]), filled([2, 3], 0)),
    value('ones', 'int32 [2]', [], (_, rt) => ones(rt, [2], 'int32'), i32([2], [1, 1])),
    ...errors(),
    ...fixtureCases('composites', ADAPTERS),
  ];
}
