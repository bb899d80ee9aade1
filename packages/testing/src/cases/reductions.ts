import { argmax, DTypeError, InvalidArgumentError, max, ShapeError, sum, type Tensor } from '@descent/core';
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
import { ACCUMULATE, EXACT } from '../internal/tolerances';

const NaN = Number.NaN;
const Inf = Infinity;

type Axes = number | number[] | undefined;
const REDUCE = { sum, max } as const;

const M23 = [1, 2, 3, 4, 5, 6];

/** [op, input, axes, keepDims, expected]: sums and maxima worked out by hand. */
const HAND: [keyof typeof REDUCE, TensorSpec, Axes, boolean, TensorSpec][] = [
  ['sum', f32([2, 3], M23), 0, false, vec([5, 7, 9])],
  ['sum', f32([2, 3], M23), -1, true, f32([2, 1], [6, 15])],
  ['sum', f32([2, 3], M23), undefined, false, f32([], [21])],
  ['sum', f32([2, 3], M23), [0, 1], true, f32([1, 1], [21])],
  ['sum', f32([], [2.5]), undefined, false, f32([], [2.5])],
  ['sum', f32([], [2.5]), undefined, true, f32([], [2.5])],
  ['sum', f32([1, 1], [4]), 0, false, vec([4])],
  // Empty sums are 0.
  ['sum', f32([0], []), undefined, false, f32([], [0])],
  ['sum', f32([2, 0], []), 1, false, vec([0, 0])],
  ['sum', f32([2, 0], []), 0, false, f32([0], [])],
  ['sum', f32([0, 3], []), 0, true, f32([1, 3], [0, 0, 0])],
  ['sum', f32([3, 2], [Inf, 1, Inf, -Inf, NaN, 1]), 1, false, vec([Inf, NaN, NaN])],
  // int32 sums are exact: 2^24 + 1 has no float32.
  ['sum', i32([2], [16777216, 1]), undefined, false, i32([], [16777217])],
  ['sum', i32([2, 3], M23), 1, false, i32([2], [6, 15])],
  ['sum', i32([2, 0], []), 1, false, i32([2], [0, 0])],
  ['max', f32([2, 3], M23), 0, false, vec([4, 5, 6])],
  ['max', f32([2, 3], M23), 1, true, f32([2, 1], [3, 6])],
  ['max', f32([2, 2], [1, NaN, 3, 2]), 1, false, vec([NaN, 3])],
  ['max', f32([2, 2], [1, NaN, 3, 2]), undefined, false, f32([], [NaN])],
  ['max', vec([-Inf, -Inf]), undefined, false, f32([], [-Inf])],
  ['max', f32([], [-7]), undefined, false, f32([], [-7])],
  ['max', f32([2, 0], []), 0, false, f32([0], [])],
  ['max', f32([1, 3, 1], [2, 9, 4]), [0, 2], false, vec([2, 9, 4])],
  ['max', i32([3], [-5, -3, -9]), undefined, false, i32([], [-3])],
  ['max', i32([2, 3], M23), 0, false, i32([3], [4, 5, 6])],
];

/** [input, axis, expected]: first index on ties, NaN counts as maximal. */
const ARGMAX: [TensorSpec, number, TensorSpec][] = [
  [vec([3, 1, 3]), 0, i32([], [0])],
  [vec([1, NaN, 3, NaN]), 0, i32([], [1])],
  [vec([-Inf, -Inf]), 0, i32([], [0])],
  [f32([2, 3], [1, 5, 3, 4, 2, 6]), 0, i32([3], [1, 0, 1])],
  [f32([2, 3], [1, 5, 3, 4, 2, 6]), -1, i32([2], [1, 2])],
  [f32([4, 1], [1, 2, 3, 4]), 1, i32([4], [0, 0, 0, 0])],
  [f32([2, 0], []), 0, i32([0], [])],
  [i32([3], [2, 7, 7]), 0, i32([], [1])],
];

const ADAPTERS: Record<string, FixtureAdapter> = {
  sum: { run: ([x], a) => sum(x!, a.axes ?? undefined, a.keepDims), tol: ACCUMULATE },
  max: { run: ([x], a) => max(x!, a.axes ?? undefined, a.keepDims), tol: EXACT },
  argmax: { run: ([x], a) => argmax(x!, a.axis), tol: EXACT },
};

const axesName = (axes: Axes) => (axes === undefined ? 'all axes' : `axes ${JSON.stringify(axes)}`);

function errors(): ConformanceCase[] {
  const run =
    (op: keyof typeof REDUCE, axes: Axes) =>
    ([x]: Tensor[]) =>
      REDUCE[op](x!, axes);
  return [
    error('max', 'a zero-size axis', [f32([0, 3], [])], run('max', 0), ShapeError),
    error('max', 'all axes of an empty tensor', [f32([0], [])], run('max', undefined), ShapeError),
    error('argmax', 'a zero-size axis', [f32([3, 0], [])], ([x]) => argmax(x!, 1), ShapeError),
    error('sum', 'rejects bool', [bool([2], [1, 0])], run('sum', undefined), DTypeError),
    error('max', 'rejects bool', [bool([2], [1, 0])], run('max', undefined), DTypeError),
    error('argmax', 'rejects bool', [bool([2], [1, 0])], ([x]) => argmax(x!), DTypeError),
    error('sum', 'axis out of range', [filled([2, 2], 1)], run('sum', 2), InvalidArgumentError),
    error('sum', 'repeated axis', [filled([2, 2], 1)], run('sum', [0, -2]), InvalidArgumentError),
    error('max', 'non-integer axis', [filled([2, 2], 1)], run('max', 0.5), InvalidArgumentError),
    error('argmax', 'axis of a scalar', [f32([], [1])], ([x]) => argmax(x!, 0), InvalidArgumentError),
  ];
}

/** sum, max, argmax: hand cases with empty and size-1 axes, NaN / ±Infinity, int32; torch fixtures. */
export function reductionCases(): ConformanceCase[] {
  return [
    ...HAND.map(([op, x, axes, keep, y]) =>
      value(
        op,
        `${x.dtype} [${x.shape}] ${axesName(axes)} keepDims ${keep}`,
        [x],
        ([t]) => REDUCE[op](t!, axes, keep),
        y,
      ),
    ),
    ...ARGMAX.map(([x, axis, y]) =>
      value(
        'argmax',
        `${x.dtype} [${x.shape}] axis ${axis} → ${y.data.join(',') || 'empty'}`,
        [x],
        ([t]) => argmax(t!, axis),
        y,
      ),
    ),
    ...errors(),
    ...fixtureCases('reductions', ADAPTERS),
  ];
}
