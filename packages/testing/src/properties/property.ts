import type { DType, Runtime, Tensor } from '@descent/core';
import fc from 'fast-check';
import type { Tolerance } from '../internal/expect-close';

/** Values of one tensor: row-major, NaN and ±Infinity allowed, bool as 0/1. */
export interface Spec {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

/** What the independent reference says a case must produce. */
export interface Expected extends Spec {
  /** Per-element extra absolute slack (summation error bounds of reductions). */
  readonly slack?: readonly number[];
  /**
   * Per element, how many of its roundings may underflow: each may err by an absolute 2^-150
   * more (gradual underflow), or by 2^-126 where the backend flushes subnormals to zero.
   */
  readonly underflows?: readonly number[];
  /**
   * Per element, whether the magnitudes of the terms it sums add past the largest float32: a
   * backend that sums in float32 (a GPU) may overflow there, so ±Infinity or NaN is accepted.
   */
  readonly overflows?: readonly boolean[];
}

/**
 * One op's property: random cases, how the backend computes one, and how the reference does
 * (plain float64 loops, never the backend's code), compared after rounding to float32.
 */
export interface OpProperty<C = unknown> {
  /** The primitive op or composite checked (what the coverage check counts). */
  readonly op: string;
  /** Sub-label when one op has several properties (dtypes, options). */
  readonly label?: string;
  readonly arb: fc.Arbitrary<C>;
  readonly run: (rt: Runtime, c: C) => Tensor;
  readonly ref: (c: C) => Expected;
  readonly tol?: Tolerance;
  /** Compare the sign of zero too (ops with one IEEE answer). */
  readonly signedZeros?: boolean;
}

export function property<C>(p: OpProperty<C>): OpProperty<unknown> {
  return p as OpProperty<unknown>;
}

export const EXACT: Tolerance = { rtol: 0, atol: 0 };
export const ARITH: Tolerance = { rtol: 1e-5, atol: 1e-6 };
export const TRANSCENDENTAL: Tolerance = { rtol: 2e-5, atol: 2e-6 };
export const COMPOSITE: Tolerance = { rtol: 5e-5, atol: 2e-5 };
/** Float32 unit roundoff, for summation error bounds. */
export const U = 2 ** -24;

// ---------------------------------------------------------------- shapes

export const size = (shape: readonly number[]): number => shape.reduce((n, d) => n * d, 1);

export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * shape[i + 1]!;
  return s;
}

/** Multi-index of flat position `i` in `shape`. */
export function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  for (let a = shape.length - 1; a >= 0; a--) {
    const d = shape[a]!;
    idx[a] = i % d;
    i = Math.floor(i / d);
  }
  return idx;
}

/** Flat position in `shape` of the output multi-index `out`, broadcasting (right-aligned, size-1 axes repeat). */
export function broadcastOffset(out: readonly number[], shape: readonly number[]): number {
  const lead = out.length - shape.length;
  let off = 0;
  for (let a = 0; a < shape.length; a++) off = off * shape[a]! + (shape[a] === 1 ? 0 : out[a + lead]!);
  return off;
}

export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let a = 0; a < rank; a++) {
    let d = 1;
    for (const s of shapes) {
      const v = s[a - (rank - s.length)] ?? 1;
      if (v !== 1) d = v;
    }
    out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------- arbitraries

/** Mostly 2–3, often 1, sometimes 0: size-1 and zero-size axes are the edge cases. */
export const dim = (max = 3): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.constant(1) },
    { weight: 6, arbitrary: fc.integer({ min: 2, max }) },
  );
export const posDim = (max = 3): fc.Arbitrary<number> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: 2, max }) });

export const shapeArb = (minRank = 0, maxRank = 4, d = dim()): fc.Arbitrary<number[]> =>
  fc.array(d, { minLength: minRank, maxLength: maxRank });

/** A shape that broadcasts to `out`: a suffix of it with some axes set to 1. */
export function broadcastable(out: readonly number[]): fc.Arbitrary<number[]> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: out.length }),
      fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }),
    )
    .map(([drop, ones]) => out.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d)));
}

const f = Math.fround;
const SPECIAL = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  2.5,
  -2.5,
  Number.NaN,
  Infinity,
  -Infinity,
  f(3.4e38),
  -f(3.4e38),
  f(1e-38),
  f(-1e-40), // subnormal
  f(1.4e-45), // smallest subnormal
  f(1e30),
  -f(1e30),
  f(1e-30),
];

/** Float32 values: moderate ones, specials (±0, ±Inf, NaN, huge, tiny, halves) and any float32. */
export const floatArb = (
  opts: { max?: number; nan?: boolean; specials?: boolean } = {},
): fc.Arbitrary<number> => {
  const max = f(opts.max ?? 10);
  const specials = SPECIAL.filter(
    (v) =>
      (opts.nan !== false || !Number.isNaN(v)) &&
      (opts.max === undefined || !(Math.abs(v) > max) || !Number.isFinite(v)),
  );
  const arbs: fc.WeightedArbitrary<number>[] = [
    { weight: 6, arbitrary: fc.float({ min: -max, max, noNaN: true }) },
    { weight: 1, arbitrary: fc.integer({ min: -4, max: 4 }) },
  ];
  if (opts.specials !== false) arbs.push({ weight: 2, arbitrary: fc.constantFrom(...specials) });
  if (opts.max === undefined) arbs.push({ weight: 1, arbitrary: fc.float({ noNaN: opts.nan === false }) });
  return fc.oneof(...arbs);
};

/** Finite float32 values in [-max, max] only. */
export const finiteArb = (max = 10): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.float({ min: -f(max), max: f(max), noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, -1, 0.5) },
  );

export const intArb = (max = 2 ** 20): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -max, max }) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) },
  );
export const boolArb: fc.Arbitrary<number> = fc.integer({ min: 0, max: 1 });

export const valuesArb = (shape: readonly number[], v: fc.Arbitrary<number>): fc.Arbitrary<number[]> =>
  fc.array(v, { minLength: size(shape), maxLength: size(shape) });

/** A tensor spec of a random shape (or the given one) with values from `v`. */
export const specArb = (
  dtype: DType,
  shape: fc.Arbitrary<number[]>,
  v: fc.Arbitrary<number>,
): fc.Arbitrary<Spec> => shape.chain((s) => valuesArb(s, v).map((data) => ({ dtype, shape: s, data })));

/** A distinct, sorted subset of the axes of a rank. */
export const axesArb = (rank: number): fc.Arbitrary<number[]> =>
  fc.subarray(Array.from({ length: rank }, (_, i) => i));

// ---------------------------------------------------------------- tensors and comparison

const ARRAY = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

export function tensorOf(rt: Runtime, s: Spec): Tensor {
  return rt.tensor(ARRAY[s.dtype].from(s.data), [...s.shape], s.dtype);
}

/** Rounds a reference value to what the output dtype holds. */
function toDType(v: number, dtype: DType): number {
  if (dtype === 'float32') return f(v);
  if (dtype === 'bool') return v ? 1 : 0;
  return v | 0;
}

/** The smallest normal float32; below it (and above 0) lie the subnormals. */
export const MIN_NORMAL = 2 ** -126;

/**
 * A value that is a float32 subnormal becomes a zero of its sign, as in a flush-to-zero unit;
 * everything else (integers, NaN, normal floats) stays.
 */
export function flushSubnormal(v: number): number {
  return v !== 0 && Math.abs(Math.fround(v)) < MIN_NORMAL ? (v < 0 ? -0 : 0) : v;
}

/** A copy of a property's case with every number in it flushed (shapes and indices are integers and stay). */
export function flushCase<C>(c: C): C {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return flushSubnormal(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(c) as C;
}

/**
 * Throws (for fast-check to shrink and report) unless `actual` matches the reference. With
 * `flush`, subnormals on both sides count as zeros of their sign.
 */
export function checkAgainst(
  actual: Tensor,
  values: ArrayLike<number>,
  want: Expected,
  tol: Tolerance,
  signedZeros: boolean,
  flush = false,
): void {
  const fail = (msg: string): never => {
    throw new Error(`${msg}\n  expected ${JSON.stringify(want.shape)} ${want.dtype}`);
  };
  if (actual.dtype !== want.dtype) fail(`dtype ${actual.dtype}`);
  if (actual.shape.length !== want.shape.length || actual.shape.some((d, i) => d !== want.shape[i])) {
    fail(`shape ${JSON.stringify(actual.shape)}`);
  }
  if (values.length !== want.data.length) fail(`${values.length} values, expected ${want.data.length}`);
  for (let i = 0; i < values.length; i++) {
    const a = flush ? flushSubnormal(values[i]!) : values[i]!;
    const e = flush ? flushSubnormal(toDType(want.data[i]!, want.dtype)) : toDType(want.data[i]!, want.dtype);
    const at = () => `element ${i} [${unravel(i, want.shape).join(',')}]: got ${fmt(a)}, expected ${fmt(e)}`;
    if (want.overflows?.[i] && !Number.isFinite(a)) continue;
    if (Number.isNaN(e) || Number.isNaN(a)) {
      if (!(Number.isNaN(e) && Number.isNaN(a))) fail(at());
      continue;
    }
    const bound =
      tol.atol +
      tol.rtol * Math.abs(e) +
      (want.slack?.[i] ?? 0) +
      (want.underflows?.[i] ?? 0) * (flush ? MIN_NORMAL : 2 ** -150);
    if (!Number.isFinite(e) || !Number.isFinite(a)) {
      // A finite expectation whose tolerance reaches past the largest float32 may come back as
      // that infinity: a value within tolerance rounds to it (pow near 2^128 on a GPU's exp2).
      const overflows =
        Number.isFinite(e) && Math.sign(a) === Math.sign(e) && Math.abs(e) + bound > MAX_FLOAT32;
      if (a !== e && !overflows) fail(at());
      continue;
    }
    if (signedZeros && e === 0 && a === 0 && !Object.is(a, e)) fail(`${at()} (sign of zero)`);
    if (!(Math.abs(a - e) <= bound)) fail(`${at()} (tolerance ${bound})`);
  }
}

/** The largest finite float32, (2 − 2^-23)·2^127. */
export const MAX_FLOAT32 = (2 - 2 ** -23) * 2 ** 127;

const fmt = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

/** `fc` itself, so suites need no second import. */
export { fc };
