import { DTypeError, type MatMulAttrs, matmul, ShapeError, type Tensor } from '@descent/core';
import {
  bool,
  type ConformanceCase,
  error,
  f32,
  filled,
  i32,
  type TensorSpec,
  value,
} from '../internal/case';
import { type FixtureAdapter, fixtureCases } from '../internal/fixtures';
import { ACCUMULATE } from '../internal/tolerances';

const NaN = Number.NaN;
const Inf = Infinity;

// A = [[1,2,3],[4,5,6]], B = [[7,8],[9,10],[11,12]]:
// AB = [[1·7+2·9+3·11, 1·8+2·10+3·12], [4·7+5·9+6·11, 4·8+5·10+6·12]] = [[58,64],[139,154]].
const A = f32([2, 3], [1, 2, 3, 4, 5, 6]);
const At = f32([3, 2], [1, 4, 2, 5, 3, 6]);
const B = f32([3, 2], [7, 8, 9, 10, 11, 12]);
const Bt = f32([2, 3], [7, 9, 11, 8, 10, 12]);
const AB = f32([2, 2], [58, 64, 139, 154]);

/** [name, a, b, options, expected]: all worked out by hand. */
const HAND: [string, TensorSpec, TensorSpec, Partial<MatMulAttrs>, TensorSpec][] = [
  ['2x3 · 3x2', A, B, {}, AB],
  ['transposeA', At, B, { transposeA: true }, AB],
  ['transposeB', A, Bt, { transposeB: true }, AB],
  ['transposeA and transposeB', At, Bt, { transposeA: true, transposeB: true }, AB],
  // Batch of two: the second matrix is A scaled by -1, so its product is -AB.
  [
    'batch [2,2,3] · [3,2]',
    f32([2, 2, 3], [...A.data, ...A.data.map((v) => -v)]),
    B,
    {},
    f32([2, 2, 2], [...AB.data, ...AB.data.map((v) => -v)]),
  ],
  ['1x1 · 1x1', f32([1, 1], [3]), f32([1, 1], [-4]), {}, f32([1, 1], [-12])],
  [
    'int32 [[1,2],[3,4]] · [[5,6],[7,8]]',
    i32([2, 2], [1, 2, 3, 4]),
    i32([2, 2], [5, 6, 7, 8]),
    {},
    i32([2, 2], [19, 22, 43, 50]),
  ],
  // int32 products stay exact beyond 2^24.
  ['int32 exact beyond 2^24', i32([1, 2], [4097, 1]), i32([2, 1], [4097, 0]), {}, i32([1, 1], [16785409])],
  // Inner size 0: an empty sum, so zeros.
  ['inner size 0 gives zeros', f32([2, 0], []), f32([0, 3], []), {}, filled([2, 3], 0)],
  ['zero rows', f32([0, 3], []), B, {}, f32([0, 2], [])],
  ['zero columns', A, f32([3, 0], []), {}, f32([2, 0], [])],
  ['zero batch', f32([0, 2, 3], []), B, {}, f32([0, 2, 2], [])],
  ['NaN propagates', f32([1, 2], [1, NaN]), f32([2, 1], [1, 1]), {}, f32([1, 1], [NaN])],
  ['Infinity · 0 is NaN', f32([1, 2], [Inf, 1]), f32([2, 1], [0, 1]), {}, f32([1, 1], [NaN])],
  ['Infinity propagates', f32([1, 2], [Inf, 1]), f32([2, 1], [2, 1]), {}, f32([1, 1], [Inf])],
];

const ADAPTERS: Record<string, FixtureAdapter> = {
  matmul: {
    run: ([a, b], attrs) => matmul(a!, b!, { transposeA: attrs.transposeA, transposeB: attrs.transposeB }),
    tol: ACCUMULATE,
  },
};

function errors(): ConformanceCase[] {
  const run = ([a, b]: Tensor[]) => matmul(a!, b!);
  return [
    error('matmul', 'rank-1 input', [f32([3], [1, 2, 3]), B], run, ShapeError),
    error('matmul', 'inner sizes differ', [A, A], run, ShapeError),
    error(
      'matmul',
      'inner sizes differ after transposeA',
      [A, B],
      ([a, b]) => matmul(a!, b!, { transposeA: true }),
      ShapeError,
    ),
    error(
      'matmul',
      'batch shapes do not broadcast',
      [filled([2, 2, 3], 1), filled([3, 3, 2], 1)],
      run,
      ShapeError,
    ),
    error('matmul', 'float32 with int32', [A, i32([3, 2], [1, 2, 3, 4, 5, 6])], run, DTypeError),
    error('matmul', 'rejects bool', [bool([1, 1], [1]), bool([1, 1], [1])], run, DTypeError),
  ];
}

/** Batched matmul: hand cases (transposes, zero-size, NaN / Infinity, int32), torch fixtures with batch broadcasting. */
export function matmulCases(): ConformanceCase[] {
  return [
    ...HAND.map(([name, a, b, opts, y]) =>
      value('matmul', name, [a, b], ([x0, x1]) => matmul(x0!, x1!, opts), y),
    ),
    ...errors(),
    ...fixtureCases('matmul', ADAPTERS),
  ];
}
