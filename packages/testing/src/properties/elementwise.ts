import {
  abs,
  add,
  cast,
  ceil,
  clip,
  cos,
  type DType,
  div,
  equal,
  erf,
  exp,
  expm1,
  floor,
  greater,
  greaterEqual,
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
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  softplus,
  sqrt,
  square,
  sub,
  type Tensor,
  tanh,
  where,
} from '@descent/core';
import {
  ARITH,
  boolArb,
  broadcastable,
  broadcastOffset,
  broadcastShapes,
  COMPOSITE,
  EXACT,
  type Expected,
  fc,
  floatArb,
  intArb,
  type OpProperty,
  property,
  type Spec,
  shapeArb,
  size,
  specArb,
  TRANSCENDENTAL,
  tensorOf,
  unravel,
  valuesArb,
} from './property';

const isNan = Number.isNaN;

/** erf by its Maclaurin series (|x| < 4, ~1e-11 after cancellation); beyond, erf rounds to ±1 in float32. */
export function erfRef(x: number): number {
  if (isNan(x)) return Number.NaN;
  if (Math.abs(x) >= 4) return Math.sign(x);
  let term = x;
  let total = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const t = term / (2 * n + 1);
    total += t;
    if (Math.abs(t) < 1e-17 * Math.abs(total)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * total;
}

/** Round half to even. */
function roundRef(x: number): number {
  if (!Number.isFinite(x)) return x;
  const fl = Math.floor(x);
  const diff = x - fl;
  const r = diff > 0.5 ? fl + 1 : diff < 0.5 ? fl : fl % 2 === 0 ? fl : fl + 1;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

/** C99 / IEEE 754 pow: x^±0 = 1 and 1^y = 1 even for NaN, (-1)^±Inf = 1; JS Math.pow differs there. */
function powRef(a: number, b: number): number {
  if (b === 0 || a === 1) return 1;
  if (a === -1 && !isNan(b) && !Number.isFinite(b)) return 1;
  return a ** b;
}

/** Floor modulo (Python's %): fmod, then moved to the divisor's sign. */
function modRef(a: number, b: number): number {
  if (b === 0 || !Number.isFinite(a) || isNan(b)) return Number.NaN;
  let r = a % b;
  if (r !== 0 && r < 0 !== b < 0) r += b;
  return r;
}
function intModRef(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

const signRef = (x: number): number => (isNan(x) ? x : x > 0 ? 1 : x < 0 ? -1 : 0);
const nanOr = (x: number, y: number, v: number) => (isNan(x) || isNan(y) ? Number.NaN : v);

function mapSpec(x: Spec, dtype: DType, fn: (v: number) => number): Expected {
  return { dtype, shape: x.shape, data: x.data.map(fn) };
}

/** Broadcast reference of an n-ary elementwise function. */
function broadcastRef(inputs: readonly Spec[], dtype: DType, fn: (...v: number[]) => number): Expected {
  const shape = broadcastShapes(...inputs.map((s) => s.shape));
  const data: number[] = [];
  for (let i = 0; i < size(shape); i++) {
    const idx = unravel(i, shape);
    data.push(fn(...inputs.map((s) => s.data[broadcastOffset(idx, s.shape)]!)));
  }
  return { dtype, shape, data };
}

/** n tensors whose shapes broadcast together (with zero-size and size-1 axes). */
function broadcastArb(
  dtypes: readonly DType[],
  values: readonly fc.Arbitrary<number>[],
): fc.Arbitrary<Spec[]> {
  return shapeArb().chain((out) =>
    fc
      .tuple(...dtypes.map(() => broadcastable(out)))
      .chain((shapes) =>
        fc
          .tuple(...shapes.map((s, i) => valuesArb(s, values[i]!)))
          .map((data) => shapes.map((s, i) => ({ dtype: dtypes[i]!, shape: s, data: data[i]! }))),
      ),
  );
}

interface UnaryOpts {
  dtype?: DType;
  out?: DType;
  values?: fc.Arbitrary<number>;
  tol?: typeof EXACT;
  signedZeros?: boolean;
  label?: string;
}

function unary(op: string, fn: (x: Tensor) => Tensor, ref: (x: number) => number, o: UnaryOpts = {}) {
  const dtype = o.dtype ?? 'float32';
  return property<Spec>({
    op,
    label: o.label ?? dtype,
    arb: specArb(dtype, shapeArb(), o.values ?? floatArb({ max: undefined })),
    run: (rt, x) => fn(tensorOf(rt, x)),
    ref: (x) => mapSpec(x, o.out ?? dtype, ref),
    tol: o.tol ?? EXACT,
    signedZeros: o.signedZeros ?? false,
  });
}

function binary(
  op: string,
  fn: (a: Tensor, b: Tensor) => Tensor,
  ref: (a: number, b: number) => number,
  o: UnaryOpts & { b?: fc.Arbitrary<number> } = {},
) {
  const dtype = o.dtype ?? 'float32';
  const va = o.values ?? floatArb({ max: undefined });
  return property<Spec[]>({
    op,
    label: o.label ?? dtype,
    arb: broadcastArb([dtype, dtype], [va, o.b ?? va]),
    run: (rt, [a, b]) => fn(tensorOf(rt, a!), tensorOf(rt, b!)),
    ref: (xs) => broadcastRef(xs, o.out ?? dtype, ref),
    tol: o.tol ?? EXACT,
    signedZeros: o.signedZeros ?? false,
  });
}

const anyFloat = floatArb({ max: undefined });
const trig = fc.oneof(floatArb({ max: 1e4 }), fc.constantFrom(Number.NaN, Infinity, -Infinity));
const exact = { tol: EXACT, signedZeros: true };

/** Elementwise primitives (unary, binary, where, cast) and elementwise composites. */
export function elementwiseProperties(): OpProperty[] {
  const cmp = (op: string, fn: (a: Tensor, b: Tensor) => Tensor, r: (a: number, b: number) => boolean) => [
    binary(op, fn, (a, b) => +r(a, b), { out: 'bool' }),
    binary(op, fn, (a, b) => +r(a, b), { dtype: 'int32', out: 'bool', values: intArb(2 ** 31 - 1) }),
  ];
  return [
    unary('neg', neg, (x) => -x, exact),
    unary('neg', neg, (x) => -x, { dtype: 'int32', values: intArb(2 ** 31 - 1) }),
    unary('abs', abs, Math.abs, exact),
    unary('abs', abs, Math.abs, { dtype: 'int32', values: intArb(2 ** 31 - 1) }),
    unary('sign', sign, signRef, { tol: EXACT }),
    unary('sign', sign, signRef, { dtype: 'int32', values: intArb() }),
    unary('exp', exp, Math.exp, { tol: TRANSCENDENTAL }),
    unary('log', log, Math.log, { tol: TRANSCENDENTAL }),
    unary('log1p', log1p, Math.log1p, { tol: TRANSCENDENTAL }),
    unary('expm1', expm1, Math.expm1, { tol: TRANSCENDENTAL }),
    unary('sqrt', sqrt, Math.sqrt, { tol: ARITH }),
    unary('rsqrt', rsqrt, (x) => 1 / Math.sqrt(x), { tol: TRANSCENDENTAL }),
    // |x| ≤ 1e4: float32 sin/cos of huge arguments is argument-reduction noise on GPUs.
    unary('sin', sin, Math.sin, { tol: TRANSCENDENTAL, values: trig }),
    unary('cos', cos, Math.cos, { tol: TRANSCENDENTAL, values: trig }),
    unary('tanh', tanh, Math.tanh, { tol: TRANSCENDENTAL }),
    unary('erf', erf, erfRef, { tol: TRANSCENDENTAL }),
    unary('floor', floor, Math.floor, exact),
    unary('ceil', ceil, Math.ceil, exact),
    unary('round', round, roundRef, exact),
    unary('isNaN', isNaN, (x) => +isNan(x), { out: 'bool' }),
    unary('isFinite', isFinite, (x) => +Number.isFinite(x), { out: 'bool' }),
    unary('logicalNot', logicalNot, (x) => +!x, { dtype: 'bool', values: boolArb }),

    binary('add', add, (a, b) => a + b, exact),
    binary('add', add, (a, b) => a + b, { dtype: 'int32', values: intArb() }),
    binary('sub', sub, (a, b) => a - b, exact),
    binary('sub', sub, (a, b) => a - b, { dtype: 'int32', values: intArb() }),
    binary('mul', mul, (a, b) => a * b, exact),
    binary('mul', mul, (a, b) => a * b, { dtype: 'int32', values: intArb(2 ** 15) }),
    binary('div', div, (a, b) => a / b, { tol: ARITH }),
    binary('pow', pow, powRef, { tol: TRANSCENDENTAL, values: floatArb({ max: 8 }) }),
    binary('pow', pow, powRef, { tol: TRANSCENDENTAL, label: 'float32 any', values: anyFloat }),
    // Divisors are finite (the sign convention of x mod ±Inf differs between frameworks) and |a| ≤ 1e4.
    binary('mod', mod, modRef, {
      tol: ARITH,
      values: floatArb({ max: 1e4 }),
      b: fc.oneof(floatArb({ max: 1e4, nan: true }).filter((v) => Number.isFinite(v) || isNan(v))),
    }),
    binary('mod', mod, intModRef, {
      dtype: 'int32',
      values: intArb(),
      b: intArb(1000).filter((v) => v !== 0),
    }),
    binary('maximum', maximum, (a, b) => nanOr(a, b, Math.max(a, b))),
    binary('maximum', maximum, Math.max, { dtype: 'int32', values: intArb(2 ** 31 - 1) }),
    binary('minimum', minimum, (a, b) => nanOr(a, b, Math.min(a, b))),
    binary('minimum', minimum, Math.min, { dtype: 'int32', values: intArb(2 ** 31 - 1) }),
    ...cmp('equal', equal, (a, b) => a === b),
    ...cmp('notEqual', notEqual, (a, b) => a !== b),
    ...cmp('less', less, (a, b) => a < b),
    ...cmp('lessEqual', lessEqual, (a, b) => a <= b),
    ...cmp('greater', greater, (a, b) => a > b),
    ...cmp('greaterEqual', greaterEqual, (a, b) => a >= b),
    binary('logicalAnd', logicalAnd, (a, b) => +(a && b), { dtype: 'bool', values: boolArb }),
    binary('logicalOr', logicalOr, (a, b) => +(a || b), { dtype: 'bool', values: boolArb }),

    property<Spec[]>({
      op: 'where',
      arb: broadcastArb(['bool', 'float32', 'float32'], [boolArb, anyFloat, anyFloat]),
      run: (rt, [c, a, b]) => where(tensorOf(rt, c!), tensorOf(rt, a!), tensorOf(rt, b!)),
      ref: (xs) => broadcastRef(xs, 'float32', (c, a, b) => (c ? a : b)),
      signedZeros: true,
    }),
    ...castProperties(),

    unary('sigmoid', sigmoid, (x) => 1 / (1 + Math.exp(-x)), { tol: COMPOSITE }),
    unary('relu', relu, (x) => (x > 0 ? x : isNan(x) ? x : 0)),
    unary('softplus', softplus, (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))), {
      tol: COMPOSITE,
    }),
    unary('square', square, (x) => x * x, { tol: EXACT }),
    unary('reciprocal', reciprocal, (x) => 1 / x, { tol: ARITH }),
    property<{ x: Spec; lo: number; hi: number }>({
      op: 'clip',
      arb: fc
        .record({
          x: specArb('float32', shapeArb(), anyFloat),
          a: floatArb({ nan: false }),
          b: floatArb({ nan: false }),
        })
        .map(({ x, a, b }) => ({ x, lo: Math.min(a, b), hi: Math.max(a, b) })),
      run: (rt, c) => clip(tensorOf(rt, c.x), c.lo, c.hi),
      ref: (c) => mapSpec(c.x, 'float32', (v) => (isNan(v) ? v : Math.min(Math.max(v, c.lo), c.hi))),
    }),
  ];
}

const CASTS: [DType, DType, fc.Arbitrary<number>, (v: number) => number][] = [
  // float → int32 truncates; values outside int32 (and NaN/Inf) have no defined result.
  ['float32', 'int32', fc.oneof(floatArb({ max: 2 ** 31 - 256, nan: false, specials: false })), Math.trunc],
  ['float32', 'bool', floatArb(), (v) => +(v !== 0)],
  ['float32', 'float32', floatArb(), (v) => v],
  ['int32', 'float32', intArb(2 ** 31 - 1), (v) => v],
  ['int32', 'bool', intArb(), (v) => +(v !== 0)],
  ['int32', 'int32', intArb(2 ** 31 - 1), (v) => v],
  ['bool', 'float32', boolArb, (v) => v],
  ['bool', 'int32', boolArb, (v) => v],
  ['bool', 'bool', boolArb, (v) => v],
];

function castProperties(): OpProperty[] {
  return CASTS.map(([from, to, values, ref]) =>
    property<Spec>({
      op: 'cast',
      label: `${from} to ${to}`,
      arb: specArb(from, shapeArb(), values),
      run: (rt, x) => cast(tensorOf(rt, x), to),
      ref: (x) => mapSpec(x, to, ref),
    }),
  );
}
