import {
  broadcastTo,
  concat,
  type DType,
  DTypeError,
  fill,
  InvalidArgumentError,
  pad,
  reshape,
  ShapeError,
  slice,
  type Tensor,
  transpose,
} from '@descent/core';
import { expect } from 'vitest';
import {
  bool,
  type ConformanceCase,
  custom,
  error,
  f32,
  filled,
  i32,
  iota,
  type TensorSpec,
  value,
  vec,
} from '../internal/case';
import { type FixtureAdapter, fixtureCases } from '../internal/fixtures';
import { expectTensor, makeTensor } from '../internal/harness';
import { EXACT } from '../internal/tolerances';

const M23 = f32([2, 3], [1, 2, 3, 4, 5, 6]);

/** [op, name, inputs, run, expected]: data movement worked out by hand. */
type Row = [
  op: string,
  name: string,
  inputs: TensorSpec[],
  run: (xs: Tensor[]) => Tensor,
  expected: TensorSpec,
];

const RESHAPE: Row[] = [
  ['reshape', '[2,3] to [3,2]', [M23], ([x]) => reshape(x!, [3, 2]), f32([3, 2], M23.data)],
  ['reshape', 'infers -1', [M23], ([x]) => reshape(x!, [-1]), f32([6], M23.data)],
  ['reshape', 'scalar to [1,1]', [f32([], [7])], ([x]) => reshape(x!, [1, 1]), f32([1, 1], [7])],
  ['reshape', '[1] to scalar', [i32([1], [7])], ([x]) => reshape(x!, []), i32([], [7])],
  [
    'reshape',
    'zero-size [0,3] to [3,0,2]',
    [f32([0, 3], [])],
    ([x]) => reshape(x!, [3, 0, 2]),
    f32([3, 0, 2], []),
  ],
];

const TRANSPOSE: Row[] = [
  ['transpose', '[2,3] default perm', [M23], ([x]) => transpose(x!), f32([3, 2], [1, 4, 2, 5, 3, 6])],
  [
    'transpose',
    'negative perm entries',
    [M23],
    ([x]) => transpose(x!, [-1, 0]),
    f32([3, 2], [1, 4, 2, 5, 3, 6]),
  ],
  ['transpose', 'identity perm copies', [M23], ([x]) => transpose(x!, [0, 1]), M23],
  ['transpose', 'scalar', [f32([], [3])], ([x]) => transpose(x!), f32([], [3])],
  ['transpose', 'zero-size [0,3]', [f32([0, 3], [])], ([x]) => transpose(x!), f32([3, 0], [])],
  [
    'transpose',
    'size-1 axes [1,3]',
    [i32([1, 3], [1, 2, 3])],
    ([x]) => transpose(x!),
    i32([3, 1], [1, 2, 3]),
  ],
  // [2,2,2] 0..7, perm [2,0,1]: out[i][j][k] = x[j][k][i].
  [
    'transpose',
    'bool [2,2,2] perm [2,0,1]',
    [bool([2, 2, 2], [1, 1, 0, 1, 0, 0, 1, 0])],
    ([x]) => transpose(x!, [2, 0, 1]),
    bool([2, 2, 2], [1, 0, 0, 1, 1, 1, 0, 0]),
  ],
];

const SLICE: Row[] = [
  ['slice', 'negative begin', [iota([10])], ([x]) => slice(x!, [-3]), vec([7, 8, 9])],
  ['slice', 'size -1 to the end', [M23], ([x]) => slice(x!, [1, 1], [-1, -1]), f32([1, 2], [5, 6])],
  ['slice', 'omitted trailing axes', [M23], ([x]) => slice(x!, [0], [1]), f32([1, 3], [1, 2, 3])],
  ['slice', 'zero-size result', [M23], ([x]) => slice(x!, [1, 2], [1, 0]), f32([1, 0], [])],
  ['slice', 'begin at the end is empty', [M23], ([x]) => slice(x!, [2, 0]), f32([0, 3], [])],
  [
    'slice',
    'the whole tensor',
    [i32([2, 2], [1, 2, 3, 4])],
    ([x]) => slice(x!, [0, 0]),
    i32([2, 2], [1, 2, 3, 4]),
  ],
  ['slice', 'scalar', [f32([], [5])], ([x]) => slice(x!, []), f32([], [5])],
];

const PAD: Row[] = [
  ['pad', 'zeros before and after', [vec([1, 2])], ([x]) => pad(x!, [[1, 2]]), vec([0, 1, 2, 0, 0])],
  [
    'pad',
    'with a value',
    [M23],
    ([x]) =>
      pad(
        x!,
        [
          [0, 1],
          [1, 0],
        ],
        9,
      ),
    f32([3, 4], [9, 1, 2, 3, 9, 4, 5, 6, 9, 9, 9, 9]),
  ],
  ['pad', 'int32', [i32([2], [5, 6])], ([x]) => pad(x!, [[2, 0]], -1), i32([4], [-1, -1, 5, 6])],
  ['pad', 'bool with 1', [bool([2], [0, 0])], ([x]) => pad(x!, [[1, 1]], 1), bool([4], [1, 0, 0, 1])],
  [
    'pad',
    'an empty tensor',
    [f32([0, 2], [])],
    ([x]) =>
      pad(
        x!,
        [
          [1, 0],
          [0, 0],
        ],
        5,
      ),
    f32([1, 2], [5, 5]),
  ],
  ['pad', 'no padding copies', [vec([1, 2])], ([x]) => pad(x!, [[0, 0]]), vec([1, 2])],
  ['pad', 'scalar', [f32([], [4])], ([x]) => pad(x!, []), f32([], [4])],
];

const CONCAT: Row[] = [
  [
    'concat',
    'axis 0',
    [f32([1, 2], [1, 2]), f32([2, 2], [3, 4, 5, 6])],
    (xs) => concat(xs, 0),
    f32([3, 2], [1, 2, 3, 4, 5, 6]),
  ],
  [
    'concat',
    'axis 1 with a zero-size part',
    [f32([2, 1], [1, 2]), f32([2, 0], []), f32([2, 2], [3, 4, 5, 6])],
    (xs) => concat(xs, 1),
    f32([2, 3], [1, 3, 4, 2, 5, 6]),
  ],
  [
    'concat',
    'axis -1',
    [i32([2, 1], [1, 2]), i32([2, 1], [3, 4])],
    (xs) => concat(xs, -1),
    i32([2, 2], [1, 3, 2, 4]),
  ],
  ['concat', 'one input copies', [bool([2], [1, 0])], (xs) => concat(xs), bool([2], [1, 0])],
  ['concat', 'all empty', [f32([0, 2], []), f32([0, 2], [])], (xs) => concat(xs), f32([0, 2], [])],
];

const BROADCAST: Row[] = [
  [
    'broadcastTo',
    '[3] to [2,3]',
    [vec([1, 2, 3])],
    ([x]) => broadcastTo(x!, [2, 3]),
    f32([2, 3], [1, 2, 3, 1, 2, 3]),
  ],
  [
    'broadcastTo',
    '[2,1] to [2,3]',
    [f32([2, 1], [1, 2])],
    ([x]) => broadcastTo(x!, [2, 3]),
    f32([2, 3], [1, 1, 1, 2, 2, 2]),
  ],
  ['broadcastTo', 'scalar to [2]', [i32([], [7])], ([x]) => broadcastTo(x!, [2]), i32([2], [7, 7])],
  [
    'broadcastTo',
    '[3] to zero-size [0,3]',
    [vec([1, 2, 3])],
    ([x]) => broadcastTo(x!, [0, 3]),
    f32([0, 3], []),
  ],
  ['broadcastTo', 'same shape copies', [M23], ([x]) => broadcastTo(x!, [2, 3]), M23],
];

/** [shape, value, dtype]: fill gives `value` everywhere. */
const FILL: [number[], number, DType][] = [
  [[2, 3], 0.5, 'float32'],
  [[4], -7, 'int32'],
  [[3], 1, 'bool'],
  [[], 3.25, 'float32'],
  [[0, 4], 2, 'float32'],
  [[1, 1], -Infinity, 'float32'],
];

const ADAPTERS: Record<string, FixtureAdapter> = {
  transpose: { run: ([x], a) => transpose(x!, a.perm), tol: EXACT },
  slice: { run: ([x], a) => slice(x!, a.begin, a.size), tol: EXACT },
  pad: { run: ([x], a) => pad(x!, a.paddings, a.value), tol: EXACT },
  concat: { run: (xs, a) => concat(xs, a.axis), tol: EXACT },
  broadcastTo: { run: ([x], a) => broadcastTo(x!, a.shape), tol: EXACT },
};

function errors(): ConformanceCase[] {
  const x = [M23];
  return [
    error('reshape', '6 elements to [4,2]', x, ([t]) => reshape(t!, [4, 2]), ShapeError),
    error('reshape', 'two -1', x, ([t]) => reshape(t!, [-1, -1]), ShapeError),
    error('transpose', 'perm repeats an axis', x, ([t]) => transpose(t!, [0, 0]), InvalidArgumentError),
    error(
      'transpose',
      'perm of the wrong length',
      x,
      ([t]) => transpose(t!, [1, 0, 2]),
      InvalidArgumentError,
    ),
    error('slice', 'begin past the end', x, ([t]) => slice(t!, [3, 0]), InvalidArgumentError),
    error('slice', 'size past the end', x, ([t]) => slice(t!, [0, 1], [2, 3]), InvalidArgumentError),
    error('slice', 'more axes than the tensor', x, ([t]) => slice(t!, [0, 0, 0]), InvalidArgumentError),
    error(
      'pad',
      'negative padding',
      x,
      ([t]) =>
        pad(t!, [
          [0, 0],
          [-1, 0],
        ]),
      InvalidArgumentError,
    ),
    error('pad', 'one pair for two axes', x, ([t]) => pad(t!, [[1, 1]]), InvalidArgumentError),
    error('concat', 'float32 with int32', [M23, i32([1, 3], [1, 2, 3])], (xs) => concat(xs), DTypeError),
    error(
      'concat',
      'sizes differ outside the axis',
      [M23, f32([2, 2], [1, 2, 3, 4])],
      (xs) => concat(xs, 0),
      ShapeError,
    ),
    error('concat', 'ranks differ', [M23, vec([1, 2, 3])], (xs) => concat(xs, 0), ShapeError),
    error('concat', 'no inputs', [], () => concat([]), InvalidArgumentError),
    error('concat', 'axis out of range', [M23], (xs) => concat(xs, 2), InvalidArgumentError),
    error('broadcastTo', '[2,3] to [3,3]', x, ([t]) => broadcastTo(t!, [3, 3]), ShapeError),
    error('broadcastTo', 'to a lower rank', x, ([t]) => broadcastTo(t!, [3]), ShapeError),
    error('broadcastTo', 'to a negative size', x, ([t]) => broadcastTo(t!, [-2, 3]), ShapeError),
    error('fill', 'a negative size', [], (_, rt) => fill(rt, [2, -1], 0), ShapeError),
    error('fill', 'a fractional size', [], (_, rt) => fill(rt, [1.5], 0), ShapeError),
    error(
      'fill',
      'a non-number value',
      [],
      (_, rt) => fill(rt, [2], 'x' as unknown as number),
      InvalidArgumentError,
    ),
  ];
}

/** A reshape shares data: disposing the source leaves the view readable (the backend frees only at the last reference). */
const viewOutlivesSource = custom('reshape', 'a view outlives its disposed source', async ({ rt }) => {
  const x = makeTensor(rt, M23);
  const y = reshape(x, [3, 2]);
  x.dispose();
  await expectTensor(y, f32([3, 2], M23.data));
  const z = transpose(y);
  y.dispose();
  await expectTensor(z, f32([2, 3], [1, 3, 5, 2, 4, 6]));
  z.dispose();
  expect(x.isDisposed && y.isDisposed && z.isDisposed).toBe(true);
});

/** reshape, transpose, slice, pad, concat, broadcastTo, fill: hand cases (scalars, zero-size, all dtypes), errors, torch fixtures. */
export function shapeOpCases(): ConformanceCase[] {
  const rows = [...RESHAPE, ...TRANSPOSE, ...SLICE, ...PAD, ...CONCAT, ...BROADCAST];
  return [
    ...rows.map(([op, name, inputs, run, y]) => value(op, name, inputs, run, y)),
    viewOutlivesSource,
    ...FILL.map(([shape, v, dtype]) =>
      value(
        'fill',
        `${dtype} [${shape}] with ${v}`,
        [],
        (_, rt) => fill(rt, shape, v, dtype),
        filled(shape, v, dtype),
      ),
    ),
    ...errors(),
    ...fixtureCases('shape-ops', ADAPTERS),
  ];
}
