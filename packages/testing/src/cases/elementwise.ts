import {
  abs,
  add,
  cast,
  ceil,
  cos,
  type DType,
  DTypeError,
  div,
  equal,
  erf,
  exp,
  expm1,
  floor,
  greater,
  greaterEqual,
  InvalidArgumentError,
  isFinite,
  isNaN,
  less,
  lessEqual,
  log,
  log1p,
  logicalAnd,
  logicalNot,
  logicalOr,
  maximum,
  minimum,
  mod,
  mul,
  neg,
  notEqual,
  pow,
  round,
  rsqrt,
  ShapeError,
  sign,
  sin,
  sqrt,
  sub,
  type Tensor,
  tanh,
  where,
} from '@descent/core';
import {
  bool,
  type ConformanceCase,
  error,
  f32,
  filled,
  float32Only,
  fmtShape,
  i32,
  type TensorSpec,
  value,
  vec,
} from '../internal/case';
import type { Tolerance } from '../internal/expect-close';
import { type FixtureAdapter, fixtureCases } from '../internal/fixtures';
import { ARITH, EXACT, TRANSCENDENTAL } from '../internal/tolerances';

const NaN = Number.NaN;
const Inf = Infinity;

type Unary = (x: Tensor) => Tensor;
type Binary = (a: Tensor | number, b: Tensor | number) => Tensor;

interface UnaryRow {
  fn: Unary;
  /** Input dtype of the special-value case; the output dtype is `out` or the same. */
  dtype: DType;
  out?: DType;
  tol: Tolerance;
  /** Special values (NaN, ±Infinity, ±0, halves, overflow) and their closed-form results. */
  x: number[];
  y: number[];
  /** A dtype the op rejects. */
  rejects: DType;
}

// Expected values are the IEEE / C99 definitions of each function at these points.
const UNARY: Record<string, UnaryRow> = {
  abs: {
    fn: abs,
    dtype: 'float32',
    tol: EXACT,
    x: [-0, -Inf, NaN, -3, 2.5],
    y: [0, Inf, NaN, 3, 2.5],
    rejects: 'bool',
  },
  neg: {
    fn: neg,
    dtype: 'float32',
    tol: EXACT,
    x: [0, Inf, -Inf, NaN, 1.5],
    y: [-0, -Inf, Inf, NaN, -1.5],
    rejects: 'bool',
  },
  sign: {
    fn: sign,
    dtype: 'float32',
    tol: EXACT,
    x: [-0, 0, -Inf, Inf, NaN, -2.5, 1e-30],
    y: [0, 0, -1, 1, NaN, -1, 1],
    rejects: 'bool',
  },
  ceil: {
    fn: ceil,
    dtype: 'float32',
    tol: EXACT,
    x: [-0.5, 0.5, Inf, -Inf, NaN, 2, -2.5],
    y: [-0, 1, Inf, -Inf, NaN, 2, -2],
    rejects: 'int32',
  },
  floor: {
    fn: floor,
    dtype: 'float32',
    tol: EXACT,
    x: [-0.5, 0.5, Inf, -Inf, NaN, 2, -2.5],
    y: [-1, 0, Inf, -Inf, NaN, 2, -3],
    rejects: 'int32',
  },
  round: {
    // Half to even; 0.49999997 (the float32 below 0.5) is not a half: floor(x + 0.5) in float32 gets it wrong.
    fn: round,
    dtype: 'float32',
    tol: EXACT,
    x: [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999997, 3.7, Inf, NaN],
    y: [0, 2, 2, -0, -2, -2, 0, 4, Inf, NaN],
    rejects: 'int32',
  },
  exp: {
    // e^-110 underflows past the smallest float32 subnormal (and is below atol in float64).
    fn: exp,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [0, -Inf, Inf, NaN, -110, 1],
    y: [1, 0, Inf, NaN, 0, Math.E],
    rejects: 'int32',
  },
  expm1: {
    fn: expm1,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [0, -Inf, Inf, NaN, 1e-10, -1e-10],
    y: [0, -1, Inf, NaN, 1e-10, -1e-10],
    rejects: 'int32',
  },
  log: {
    fn: log,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [0, -1, Inf, NaN, 1, Math.E],
    y: [-Inf, NaN, Inf, NaN, 0, 1],
    rejects: 'int32',
  },
  log1p: {
    fn: log1p,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [-1, -2, Inf, NaN, 0, 1e-10],
    y: [-Inf, NaN, Inf, NaN, 0, 1e-10],
    rejects: 'int32',
  },
  sqrt: {
    fn: sqrt,
    dtype: 'float32',
    tol: ARITH,
    x: [0, -1, Inf, NaN, 4, 2.25],
    y: [0, NaN, Inf, NaN, 2, 1.5],
    rejects: 'bool',
  },
  rsqrt: {
    fn: rsqrt,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [0, -1, Inf, NaN, 4, 0.25],
    y: [Inf, NaN, 0, NaN, 0.5, 2],
    rejects: 'int32',
  },
  sin: {
    fn: sin,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [0, Inf, -Inf, NaN, Math.PI / 2, -Math.PI / 6],
    y: [0, NaN, NaN, NaN, 1, -0.5],
    rejects: 'int32',
  },
  cos: {
    fn: cos,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [0, Inf, -Inf, NaN, Math.PI, Math.PI / 3],
    y: [1, NaN, NaN, NaN, -1, 0.5],
    rejects: 'int32',
  },
  tanh: {
    fn: tanh,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [0, Inf, -Inf, NaN, 20, -20],
    y: [0, 1, -1, NaN, 1, -1],
    rejects: 'int32',
  },
  erf: {
    // erf(±5) = ±(1 - 1.5e-12): ±1 in float32.
    fn: erf,
    dtype: 'float32',
    tol: TRANSCENDENTAL,
    x: [0, Inf, -Inf, NaN, 5, -5],
    y: [0, 1, -1, NaN, 1, -1],
    rejects: 'int32',
  },
  isNaN: {
    fn: isNaN,
    dtype: 'float32',
    out: 'bool',
    tol: EXACT,
    x: [NaN, Inf, -Inf, 0, 1.5, -0],
    y: [1, 0, 0, 0, 0, 0],
    rejects: 'int32',
  },
  isFinite: {
    fn: isFinite,
    dtype: 'float32',
    out: 'bool',
    tol: EXACT,
    x: [NaN, Inf, -Inf, 0, 1.5, 3.4028234663852886e38],
    y: [0, 0, 0, 1, 1, 1],
    rejects: 'int32',
  },
  logicalNot: { fn: logicalNot, dtype: 'bool', tol: EXACT, x: [1, 0, 0], y: [0, 1, 1], rejects: 'float32' },
};

/** Integer inputs of the ops that take int32 (their fixtures cover random ints). */
const UNARY_INT: Record<string, [number[], number[]]> = {
  abs: [
    [-2147483647, -3, 0, 7],
    [2147483647, 3, 0, 7],
  ],
  neg: [
    [2147483647, -3, 0],
    [-2147483647, 3, 0],
  ],
  sign: [
    [-5, 0, 9],
    [-1, 0, 1],
  ],
};

/** Each binary op with its tolerance and `1 op 1` (which pins shapes and dtypes of the edge-shape cases). */
const BINARY: Record<string, { fn: Binary; tol: Tolerance; ones: number }> = {
  add: { fn: add, tol: ARITH, ones: 2 },
  sub: { fn: sub, tol: ARITH, ones: 0 },
  mul: { fn: mul, tol: ARITH, ones: 1 },
  div: { fn: div, tol: ARITH, ones: 1 },
  pow: { fn: pow, tol: TRANSCENDENTAL, ones: 1 },
  mod: { fn: mod, tol: ARITH, ones: 0 },
  maximum: { fn: maximum, tol: EXACT, ones: 1 },
  minimum: { fn: minimum, tol: EXACT, ones: 1 },
  equal: { fn: equal, tol: EXACT, ones: 1 },
  notEqual: { fn: notEqual, tol: EXACT, ones: 0 },
  greater: { fn: greater, tol: EXACT, ones: 0 },
  greaterEqual: { fn: greaterEqual, tol: EXACT, ones: 1 },
  less: { fn: less, tol: EXACT, ones: 0 },
  lessEqual: { fn: lessEqual, tol: EXACT, ones: 1 },
  logicalAnd: { fn: logicalAnd, tol: EXACT, ones: 1 },
  logicalOr: { fn: logicalOr, tol: EXACT, ones: 1 },
};

const COMPARISONS = new Set(['equal', 'notEqual', 'greater', 'greaterEqual', 'less', 'lessEqual']);

/** Hand-derived IEEE results: NaN / Infinity propagation, floor-mod signs, pow corner cases. */
const BINARY_SPECIAL: [op: string, a: TensorSpec, b: TensorSpec, y: TensorSpec][] = [
  ['add', vec([Inf, Inf, NaN, 1, -0]), vec([1, -Inf, 1, 2, -0]), vec([Inf, NaN, NaN, 3, -0])],
  ['sub', vec([Inf, Inf, NaN, 5]), vec([Inf, 1, 1, 7]), vec([NaN, Inf, NaN, -2])],
  ['mul', vec([Inf, 0, NaN, -Inf, 1.5]), vec([0, -2, 1, -2, 4]), vec([NaN, -0, NaN, Inf, 6])],
  [
    'div',
    vec([1, -1, 0, NaN, Inf, 1, 7]),
    vec([0, 0, 0, 1, Inf, Inf, 2]),
    vec([Inf, -Inf, NaN, NaN, NaN, 0, 3.5]),
  ],
  [
    'pow',
    vec([2, -2, -2, -2, 0, 4, NaN, 2, 0, 10]),
    vec([3, 2, 3, 0.5, 0, 0.5, 1, -1, -1, 0]),
    vec([8, 4, -8, NaN, 1, 2, NaN, 0.5, Inf, 1]),
  ],
  // Floor modulo: the result takes the sign of the divisor (Python %, torch.remainder).
  ['mod', vec([5, -5, 5, -5, 5.5, -0.5, 6]), vec([3, 3, -3, -3, 2, 2, 3]), vec([2, 1, -1, -2, 1.5, 1.5, 0])],
  ['mod', i32([6], [7, -7, 7, -7, 0, 6]), i32([6], [3, 3, -3, -3, 5, 3]), i32([6], [1, 2, -2, -1, 0, 0])],
  ['maximum', vec([NaN, 1, 2, -Inf, -0.5]), vec([1, NaN, 3, -1, -0.5]), vec([NaN, NaN, 3, -1, -0.5])],
  ['minimum', vec([NaN, 1, 2, -Inf, -0.5]), vec([1, NaN, 3, -1, -0.5]), vec([NaN, NaN, 2, -Inf, -0.5])],
  ['equal', vec([NaN, 1, NaN, Inf, 0]), vec([1, NaN, NaN, Inf, -0]), bool([5], [0, 0, 0, 1, 1])],
  ['notEqual', vec([NaN, 1, NaN, Inf, 0]), vec([1, NaN, NaN, Inf, -0]), bool([5], [1, 1, 1, 0, 0])],
  ['greater', vec([NaN, 1, NaN, Inf, 2]), vec([1, NaN, NaN, Inf, 1]), bool([5], [0, 0, 0, 0, 1])],
  ['greaterEqual', vec([NaN, 1, NaN, Inf, 2]), vec([1, NaN, NaN, Inf, 1]), bool([5], [0, 0, 0, 1, 1])],
  ['less', vec([NaN, 1, NaN, -Inf, 0]), vec([1, NaN, NaN, -Inf, 1]), bool([5], [0, 0, 0, 0, 1])],
  ['lessEqual', vec([NaN, 1, NaN, -Inf, 0]), vec([1, NaN, NaN, -Inf, 1]), bool([5], [0, 0, 0, 1, 1])],
  ['logicalAnd', bool([4], [1, 1, 0, 0]), bool([4], [1, 0, 1, 0]), bool([4], [1, 0, 0, 0])],
  ['logicalOr', bool([4], [1, 1, 0, 0]), bool([4], [1, 0, 1, 0]), bool([4], [1, 1, 1, 0])],
  // int32 arithmetic stays in int32: no detour through float32 (2^24 + 1 is not a float32).
  ['add', i32([2], [16777216, -5]), i32([2], [1, 3]), i32([2], [16777217, -2])],
  ['mul', i32([2], [4097, -3]), i32([2], [4097, 7]), i32([2], [16785409, -21])],
  ['sub', i32([1], [-2147483647]), i32([1], [1]), i32([1], [-2147483648])],
];

/** Broadcast shapes with zero-size and size-1 axes: [a shape, b shape, output shape]. */
const EDGE_SHAPES: [number[], number[], number[]][] = [
  [[0, 3], [3], [0, 3]],
  [
    [2, 0],
    [2, 1],
    [2, 0],
  ],
  [[0], [], [0]],
  [[1, 1], [1], [1, 1]],
  [[], [], []],
  [
    [3, 1, 0],
    [1, 4, 1],
    [3, 4, 0],
  ],
];

const ADAPTERS: Record<string, FixtureAdapter> = {
  ...Object.fromEntries(
    Object.entries(UNARY).map(([op, r]) => [
      op,
      { run: ([x]) => r.fn(x!), tol: r.tol } satisfies FixtureAdapter,
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(BINARY).map(([op, r]) => [
      op,
      { run: ([a, b]) => r.fn(a!, b!), tol: r.tol } satisfies FixtureAdapter,
    ]),
  ),
  where: { run: ([c, a, b]) => where(c!, a!, b!), tol: EXACT },
};

function unaryCases(): ConformanceCase[] {
  return Object.entries(UNARY).flatMap(([op, r]) => {
    const out = r.out ?? r.dtype;
    const spec = (shape: number[], data: number[], dtype: DType) => ({ dtype, shape, data });
    const run = ([x]: Tensor[]) => r.fn(x!);
    return [
      value(
        op,
        'special values',
        [spec([r.x.length], r.x, r.dtype)],
        run,
        spec([r.y.length], r.y, out),
        r.tol,
      ),
      value(op, 'scalar', [spec([], [r.x[0]!], r.dtype)], run, spec([], [r.y[0]!], out), r.tol),
      value(
        op,
        'size-1 axes [1,1,1]',
        [spec([1, 1, 1], [r.x.at(-1)!], r.dtype)],
        run,
        spec([1, 1, 1], [r.y.at(-1)!], out),
        r.tol,
      ),
      value(op, 'zero-size [2,0,3]', [spec([2, 0, 3], [], r.dtype)], run, spec([2, 0, 3], [], out)),
      error(
        op,
        `rejects ${r.rejects}`,
        [filled([2], r.rejects === 'bool' ? 1 : 0, r.rejects)],
        run,
        DTypeError,
      ),
    ];
  });
}

/** float32 range: e^88 ≈ 1.65e38 is finite, e^89 ≈ 4.49e38 overflows (float32 max 3.40e38). */
const float32Overflow = float32Only(
  value(
    'exp',
    'overflow to Infinity (float32)',
    [vec([88, 89])],
    ([x]) => exp(x!),
    vec([Math.exp(88), Inf]),
    TRANSCENDENTAL,
  ),
);

function unaryIntCases(): ConformanceCase[] {
  return Object.entries(UNARY_INT).map(([op, [x, y]]) =>
    value(op, 'int32 extremes', [i32([x.length], x)], ([t]) => UNARY[op]!.fn(t!), i32([y.length], y)),
  );
}

function binaryCases(): ConformanceCase[] {
  const special = BINARY_SPECIAL.map(([op, a, b, y]) =>
    value(
      op,
      `${a.dtype} special values`,
      [a, b],
      ([x0, x1]) => BINARY[op]!.fn(x0!, x1!),
      y,
      BINARY[op]!.tol,
    ),
  );
  const edges = Object.entries(BINARY).flatMap(([op, r]) => {
    const dtype: DType = op.startsWith('logical') ? 'bool' : 'float32';
    const outDtype: DType = COMPARISONS.has(op) ? 'bool' : dtype;
    return EDGE_SHAPES.map(([sa, sb, so]) => {
      const one = (shape: number[]) => filled(shape, 1, dtype);
      const y = filled(so, r.ones, outDtype);
      return value(
        op,
        `broadcast ${fmtShape(sa)} with ${fmtShape(sb)}`,
        [one(sa), one(sb)],
        ([a, b]) => r.fn(a!, b!),
        y,
      );
    });
  });
  const mixed = Object.entries(BINARY).map(([op, r]) => {
    const [a, b] = op.startsWith('logical') ? [f32([1], [1]), f32([1], [1])] : [f32([1], [1]), i32([1], [1])];
    return error(op, `rejects ${a.dtype} with ${b.dtype}`, [a, b], ([x, y]) => r.fn(x!, y!), DTypeError);
  });
  const shapes = Object.entries(BINARY).map(([op, r]) => {
    const dtype: DType = op.startsWith('logical') ? 'bool' : 'float32';
    return error(
      op,
      'shapes [2,3] and [3,2] do not broadcast',
      [filled([2, 3], 1, dtype), filled([3, 2], 1, dtype)],
      ([x, y]) => r.fn(x!, y!),
      ShapeError,
    );
  });
  const notTensor = error(
    'add',
    'rejects a non-tensor input',
    [vec([1])],
    ([x]) => add(x!, 'two' as unknown as number),
    InvalidArgumentError,
  );
  return [...special, ...edges, ...mixed, ...shapes, notTensor, ...dtypeRejections(), ...numberArguments()];
}

/** Dtypes each binary op does not accept (both inputs of that dtype). */
function dtypeRejections(): ConformanceCase[] {
  const rows: [string, DType][] = [
    ['add', 'bool'],
    ['mul', 'bool'],
    ['div', 'int32'],
    ['pow', 'int32'],
    ['mod', 'bool'],
    ['greater', 'bool'],
    ['lessEqual', 'bool'],
    ['maximum', 'bool'],
    ['logicalAnd', 'float32'],
    ['logicalOr', 'int32'],
  ];
  return rows.map(([op, dtype]) =>
    error(
      op,
      `rejects ${dtype}`,
      [filled([2], 1, dtype), filled([2], 1, dtype)],
      ([a, b]) => BINARY[op]!.fn(a!, b!),
      DTypeError,
    ),
  );
}

/** A JS number stands for a scalar of the tensor's dtype. */
function numberArguments(): ConformanceCase[] {
  return [
    value(
      'add',
      'int32 tensor + number stays int32',
      [i32([3], [1, -2, 3])],
      ([x]) => add(x!, 2),
      i32([3], [3, 0, 5]),
    ),
    value('mul', 'float32 tensor * number', [vec([1, -2, 3])], ([x]) => mul(x!, 0.5), vec([0.5, -1, 1.5])),
    value('sub', 'number - tensor', [vec([1, -2, 3])], ([x]) => sub(10, x!), vec([9, 12, 7])),
    value('greater', 'tensor > number', [i32([3], [1, 2, 3])], ([x]) => greater(x!, 2), bool([3], [0, 0, 1])),
  ];
}

function whereCases(): ConformanceCase[] {
  const cond = bool([4], [1, 0, 1, 0]);
  const run = ([c, a, b]: Tensor[]) => where(c!, a!, b!);
  return [
    // The branch not taken never leaks into the result, NaN or not.
    value(
      'where',
      'unselected NaN does not propagate',
      [cond, vec([1, NaN, 3, NaN]), vec([NaN, 2, NaN, 4])],
      run,
      vec([1, 2, 3, 4]),
    ),
    value('where', 'scalar condition', [bool([], [0]), vec([1, 2]), vec([3, 4])], run, vec([3, 4])),
    value('where', 'zero-size condition', [bool([0], []), vec([1]), f32([], [2])], run, f32([0], [])),
    value('where', 'all scalars', [bool([], [1]), f32([], [-2]), f32([], [5])], run, f32([], [-2])),
    value(
      'where',
      'bool branches',
      [cond, bool([4], [1, 1, 0, 0]), bool([], [0])],
      run,
      bool([4], [1, 0, 0, 0]),
    ),
    // Signed zeros and infinities are selected as they are.
    value(
      'where',
      'keeps -0 and Infinity',
      [cond, vec([-0, 1, Infinity, 1]), vec([1, -0, 1, -Infinity])],
      run,
      vec([-0, -0, Infinity, -Infinity]),
    ),
    value(
      'where',
      'number branch',
      [cond, vec([5, 6, 7, 8])],
      ([c, a]) => where(c!, a!, 0),
      vec([5, 0, 7, 0]),
    ),
    // Both branches numbers: float32 scalars, whatever the condition's dtype.
    value('where', 'two number branches', [cond], ([c]) => where(c!, 2, 3), vec([2, 3, 2, 3])),
    value(
      'where',
      'int32 branches',
      [cond, i32([4], [1, 2, 3, 4]), i32([], [-1])],
      run,
      i32([4], [1, -1, 3, -1]),
    ),
    error('where', 'rejects a float32 condition', [vec([1, 0]), vec([1, 2]), vec([3, 4])], run, DTypeError),
    error(
      'where',
      'rejects branches of two dtypes',
      [bool([2], [1, 0]), vec([1, 2]), i32([2], [3, 4])],
      run,
      DTypeError,
    ),
    error(
      'where',
      'rejects shapes that do not broadcast',
      [bool([2], [1, 0]), vec([1, 2, 3]), vec([3, 4, 5])],
      run,
      ShapeError,
    ),
  ];
}

/** [from, to, input, expected]: float→int truncates toward zero, anything→bool is x != 0. */
const CASTS: [DType, DType, number[], number[]][] = [
  ['float32', 'int32', [1.7, -1.7, 0.5, -0.5, 2, -3, 0, 1e6], [1, -1, 0, 0, 2, -3, 0, 1000000]],
  ['float32', 'bool', [0, -0, 0.5, -2, NaN, Inf], [0, 0, 1, 1, 1, 1]],
  ['float32', 'float32', [1.5, NaN, -Inf], [1.5, NaN, -Inf]],
  ['int32', 'float32', [-3, 0, 7, 16777216], [-3, 0, 7, 16777216]],
  ['int32', 'bool', [0, -1, 2], [0, 1, 1]],
  ['int32', 'int32', [5, -2147483648], [5, -2147483648]],
  ['bool', 'float32', [1, 0], [1, 0]],
  ['bool', 'int32', [1, 0], [1, 0]],
  ['bool', 'bool', [1, 0], [1, 0]],
];

function castCases(): ConformanceCase[] {
  const spec = (dtype: DType, shape: number[], data: number[]): TensorSpec => ({ dtype, shape, data });
  return [
    ...CASTS.map(([from, to, x, y]) =>
      value(
        'cast',
        `${from} to ${to}`,
        [spec(from, [x.length], x)],
        ([t]) => cast(t!, to),
        spec(to, [y.length], y),
      ),
    ),
    value('cast', 'scalar', [f32([], [-2.9])], ([t]) => cast(t!, 'int32'), i32([], [-2])),
    // 2^24 + 1 rounds to the even neighbour 2^24 in float32.
    float32Only(
      value(
        'cast',
        'int32 2^24 + 1 rounds to 2^24 (float32)',
        [i32([1], [16777217])],
        ([t]) => cast(t!, 'float32'),
        vec([16777216]),
      ),
    ),
    value('cast', 'zero-size', [f32([0, 2], [])], ([t]) => cast(t!, 'bool'), bool([0, 2], [])),
    error(
      'cast',
      'rejects an unknown dtype',
      [vec([1])],
      ([t]) => cast(t!, 'float64' as DType),
      InvalidArgumentError,
    ),
  ];
}

/** Every elementwise primitive (unary, binary, where, cast): closed forms, edge shapes, errors, torch fixtures. */
export function elementwiseCases(): ConformanceCase[] {
  return [
    ...unaryCases(),
    float32Overflow,
    ...unaryIntCases(),
    ...binaryCases(),
    ...whereCases(),
    ...castCases(),
    ...fixtureCases('elementwise', ADAPTERS),
  ];
}
