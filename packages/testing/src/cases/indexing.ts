import {
  DTypeError,
  gather,
  InvalidArgumentError,
  type OneHotAttrs,
  oneHot,
  ShapeError,
  scatterAdd,
  type Tensor,
} from '@descent/core';
import { expect } from 'vitest';
import {
  bool,
  type ConformanceCase,
  custom,
  error,
  f32,
  i32,
  type TensorSpec,
  value,
  vec,
} from '../internal/case';
import { type FixtureAdapter, fixtureCases } from '../internal/fixtures';
import { makeTensor } from '../internal/harness';
import { ARITH, EXACT } from '../internal/tolerances';

const X32 = f32([3, 2], [1, 2, 3, 4, 5, 6]);

/** [x, indices, axis, expected]: slices taken by hand. */
const GATHER: [TensorSpec, TensorSpec, number, TensorSpec][] = [
  [X32, i32([3], [2, 0, 2]), 0, f32([3, 2], [5, 6, 1, 2, 5, 6])],
  [X32, i32([1], [1]), 1, f32([3, 1], [2, 4, 6])],
  [X32, i32([2, 2], [0, 1, 1, 0]), -1, f32([3, 2, 2], [1, 2, 2, 1, 3, 4, 4, 3, 5, 6, 6, 5])],
  [X32, i32([], [1]), 0, vec([3, 4])],
  [X32, i32([0], []), 0, f32([0, 2], [])],
  [f32([3, 0], []), i32([2], [1, 2]), 0, f32([2, 0], [])],
  [i32([4], [10, 20, 30, 40]), i32([3], [3, 3, 0]), 0, i32([3], [40, 40, 10])],
  [bool([3], [1, 0, 1]), i32([2], [1, 2]), 0, bool([2], [0, 1])],
];

/** [updates, indices, axis, size, expected]: repeated indices accumulate. */
const SCATTER: [TensorSpec, TensorSpec, number, number, TensorSpec][] = [
  [vec([1, 2, 3, 4]), i32([4], [0, 2, 0, 2]), 0, 3, vec([4, 0, 6])],
  [f32([3, 2], [1, 2, 3, 4, 5, 6]), i32([3], [1, 1, 0]), 0, 2, f32([2, 2], [5, 6, 4, 6])],
  [f32([2, 3], [1, 2, 3, 4, 5, 6]), i32([3], [2, 0, 2]), 1, 4, f32([2, 4], [2, 0, 4, 0, 5, 0, 10, 0])],
  [f32([2, 2], [1, 2, 3, 4]), i32([2, 2], [0, 1, 1, 1]), 0, 2, vec([1, 9])],
  [i32([3], [5, -2, 7]), i32([3], [1, 1, 1]), 0, 2, i32([2], [0, 10])],
  [f32([0], []), i32([0], []), 0, 3, vec([0, 0, 0])],
  [vec([1, 2]), i32([2], [1, 0]), 0, 3, vec([2, 1, 0])],
];

/** [indices, depth, options, expected]: out-of-range indices give rows of offValue. */
const ONE_HOT: [TensorSpec, number, Partial<Omit<OneHotAttrs, 'depth'>>, TensorSpec][] = [
  [i32([3], [0, 2, 1]), 3, {}, f32([3, 3], [1, 0, 0, 0, 0, 1, 0, 1, 0])],
  [i32([2], [-1, 3]), 3, {}, f32([2, 3], [0, 0, 0, 0, 0, 0])],
  [i32([2], [1, 0]), 2, { onValue: 5, offValue: -1 }, f32([2, 2], [-1, 5, 5, -1])],
  [i32([2], [1, 0]), 2, { dtype: 'int32' }, i32([2, 2], [0, 1, 1, 0])],
  [i32([2], [1, 0]), 2, { dtype: 'bool' }, bool([2, 2], [0, 1, 1, 0])],
  [i32([], [2]), 4, {}, vec([0, 0, 1, 0])],
  [i32([3], [0, 1, 2]), 0, {}, f32([3, 0], [])],
  [i32([0, 2], []), 3, {}, f32([0, 2, 3], [])],
];

const ADAPTERS: Record<string, FixtureAdapter> = {
  gather: { run: ([x, i], a) => gather(x!, i!, a.axis), tol: EXACT },
  // Sums of at most three float32 terms.
  scatterAdd: { run: ([u, i], a) => scatterAdd(u!, i!, a.axis, a.size), tol: ARITH },
  oneHot: {
    run: ([i], a) => oneHot(i!, a.depth, { onValue: a.onValue, offValue: a.offValue, dtype: a.dtype }),
    tol: EXACT,
  },
};

/**
 * An index outside [0, size) is an error where the backend can check and 0 elsewhere (core's
 * documented contract of gather): never a read out of bounds. The error is the one for an
 * argument out of its allowed range, InvalidArgumentError, naming the op.
 */
const gatherOutOfRange = custom(
  'gather',
  'an out-of-range index throws InvalidArgumentError or gives 0',
  async ({ rt }) => {
    const x = makeTensor(rt, vec([1, 2, 3]));
    const idx = makeTensor(rt, i32([3], [2, 3, -1]));
    try {
      let y: Tensor | undefined;
      try {
        y = gather(x, idx);
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidArgumentError);
        expect((err as Error).message).toContain('gather');
        return;
      }
      const values = Array.from(await y.data());
      y.dispose();
      expect(values).toEqual([3, 0, 0]);
    } finally {
      rt.dispose([x, idx]);
    }
  },
);

function errors(): ConformanceCase[] {
  const two = i32([2], [0, 1]);
  return [
    error('gather', 'float32 indices', [X32, vec([0, 1])], ([x, i]) => gather(x!, i!), DTypeError),
    error('gather', 'axis out of range', [X32, two], ([x, i]) => gather(x!, i!, 2), InvalidArgumentError),
    error(
      'scatterAdd',
      'float32 indices',
      [vec([1, 2]), vec([0, 1])],
      ([u, i]) => scatterAdd(u!, i!, 0, 2),
      DTypeError,
    ),
    error(
      'scatterAdd',
      "updates without the indices' shape",
      [vec([1, 2, 3]), two],
      ([u, i]) => scatterAdd(u!, i!, 0, 2),
      ShapeError,
    ),
    error(
      'scatterAdd',
      'axis past the updates',
      [vec([1, 2]), two],
      ([u, i]) => scatterAdd(u!, i!, 1, 2),
      ShapeError,
    ),
    error(
      'scatterAdd',
      'negative size',
      [vec([1, 2]), two],
      ([u, i]) => scatterAdd(u!, i!, 0, -1),
      InvalidArgumentError,
    ),
    error('oneHot', 'float32 indices', [vec([0, 1])], ([i]) => oneHot(i!, 2), DTypeError),
    error('oneHot', 'negative depth', [two], ([i]) => oneHot(i!, -1), InvalidArgumentError),
    error('oneHot', 'fractional depth', [two], ([i]) => oneHot(i!, 2.5), InvalidArgumentError),
  ];
}

/** gather, scatterAdd, oneHot: hand cases (repeats, scalar and empty indices, all dtypes), errors, torch fixtures. */
export function indexingCases(): ConformanceCase[] {
  return [
    ...GATHER.map(([x, idx, axis, y]) =>
      value(
        'gather',
        `${x.dtype} [${x.shape}] at [${idx.shape}] axis ${axis}`,
        [x, idx],
        ([t, i]) => gather(t!, i!, axis),
        y,
      ),
    ),
    gatherOutOfRange,
    ...SCATTER.map(([u, idx, axis, size, y]) =>
      value(
        'scatterAdd',
        `${u.dtype} [${u.shape}] at [${idx.data}] axis ${axis} size ${size}`,
        [u, idx],
        ([t, i]) => scatterAdd(t!, i!, axis, size),
        y,
      ),
    ),
    ...ONE_HOT.map(([idx, depth, opts, y]) =>
      value(
        'oneHot',
        `[${idx.data}] depth ${depth} ${JSON.stringify(opts)}`,
        [idx],
        ([i]) => oneHot(i!, depth, opts),
        y,
      ),
    ),
    ...errors(),
    ...fixtureCases('indexing', ADAPTERS),
  ];
}
