import {
  argmax,
  argmin,
  logSoftmax,
  logSumExp,
  max,
  mean,
  min,
  softmax,
  sum,
  type Tensor,
  variance,
} from '@descent/core';
import {
  axesArb,
  COMPOSITE,
  type Expected,
  fc,
  floatArb,
  intArb,
  MAX_FLOAT32,
  type OpProperty,
  property,
  type Spec,
  shapeArb,
  size,
  specArb,
  tensorOf,
  U,
  unravel,
} from './property';

interface ReduceCase {
  x: Spec;
  /** undefined = all axes. */
  axes: number[] | undefined;
  keepDims: boolean;
}

/** Groups the input's values by output element (the reduced axes collapsed). */
function groups(x: Spec, axes: readonly number[], keepDims: boolean): { shape: number[]; rows: number[][] } {
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const rows: number[][] = Array.from({ length: size(kept) }, () => []);
  for (let i = 0; i < size(x.shape); i++) {
    const idx = unravel(i, x.shape);
    let off = 0;
    for (let a = 0; a < kept.length; a++) off = off * kept[a]! + (axes.includes(a) ? 0 : idx[a]!);
    rows[off]!.push(x.data[i]!);
  }
  return { shape: keepDims ? kept : x.shape.filter((_, i) => !axes.includes(i)), rows };
}

function reduceArb(
  dtype: Spec['dtype'],
  values: fc.Arbitrary<number>,
  nonEmptyAxes: boolean,
): fc.Arbitrary<ReduceCase> {
  return specArb(dtype, shapeArb(), values)
    .chain((x) =>
      fc.record({
        x: fc.constant(x),
        axes: fc.option(axesArb(x.shape.length), { nil: undefined, freq: 4 }),
        keepDims: fc.boolean(),
      }),
    )
    .filter((c) => !nonEmptyAxes || (c.axes ?? c.x.shape.map((_, i) => i)).every((a) => c.x.shape[a] !== 0));
}

const allAxes = (c: ReduceCase): number[] => c.axes ?? c.x.shape.map((_, i) => i);

/**
 * A reduction's reference: `fn` per output row, with the summation error bound as slack (and
 * each of its additions allowed to underflow, which only a flush-to-zero backend does).
 */
function reduceRef(
  c: ReduceCase,
  dtype: Spec['dtype'],
  fn: (row: number[]) => number,
  slack?: (row: number[]) => number,
): Expected {
  const { shape, rows } = groups(c.x, allAxes(c), c.keepDims);
  return {
    dtype,
    shape,
    data: rows.map(fn),
    ...(slack
      ? {
          slack: rows.map(slack),
          underflows: rows.map((r) => 2 * (r.length + 1)),
          // A float32 sum (a GPU's) overflows where the finite terms' magnitudes pass the largest float.
          overflows: rows.map((r) => finiteMagnitude(r) * (1 + 4 * U) > MAX_FLOAT32),
        }
      : {}),
  };
}

const total = (row: number[]) => row.reduce((s, v) => s + v, 0);
const finiteMagnitude = (row: number[]) =>
  row.reduce((s, v) => (Number.isFinite(v) ? s + Math.abs(v) : s), 0);
/** Recursive float32 summation of K terms errs by at most about K·u·Σ|x| (plus a final rounding). */
const sumSlack = (row: number[]) => 2 * (row.length + 1) * U * row.reduce((s, v) => s + Math.abs(v), 0);
const nanMax = (row: number[]) => (row.some(Number.isNaN) ? Number.NaN : Math.max(...row));
const nanMin = (row: number[]) => (row.some(Number.isNaN) ? Number.NaN : Math.min(...row));
function firstArg(row: number[], better: (a: number, b: number) => boolean): number {
  let at = 0;
  for (let i = 0; i < row.length; i++) {
    if (Number.isNaN(row[at]!)) break;
    if (Number.isNaN(row[i]!) || better(row[i]!, row[at]!)) at = i;
  }
  return at;
}
function lse(row: number[]): number {
  if (row.length === 0) return Number.NEGATIVE_INFINITY;
  const m = nanMax(row);
  if (!Number.isFinite(m)) return m;
  return m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
}

interface AxisCase {
  x: Spec;
  axis: number;
}
const axisArb = (values: fc.Arbitrary<number>, nonEmpty: boolean): fc.Arbitrary<AxisCase> =>
  shapeArb(1, 4)
    .filter((s) => !nonEmpty || s.some((d) => d > 0))
    .chain((shape) => {
      const ok = shape.flatMap((d, i) => (!nonEmpty || d > 0 ? [i] : []));
      return fc.record({
        x: specArb('float32', fc.constant(shape), values),
        // Negative axes count from the end.
        axis: fc.tuple(fc.constantFrom(...ok), fc.boolean()).map(([a, neg]) => (neg ? a - shape.length : a)),
      });
    });

/** Values along `axis` for each position of the other axes, and where each sits in the input. */
function alongAxis(c: AxisCase): { shape: number[]; lines: number[][]; at: number[][] } {
  const axis = c.axis < 0 ? c.axis + c.x.shape.length : c.axis;
  const lines = new Map<string, { vals: number[]; at: number[] }>();
  for (let i = 0; i < size(c.x.shape); i++) {
    const idx = unravel(i, c.x.shape);
    idx[axis] = 0;
    const k = idx.join(',');
    const line = lines.get(k) ?? { vals: [], at: [] };
    line.vals.push(c.x.data[i]!);
    line.at.push(i);
    lines.set(k, line);
  }
  const ls = [...lines.values()];
  return {
    shape: c.x.shape.filter((_, i) => i !== axis),
    lines: ls.map((l) => l.vals),
    at: ls.map((l) => l.at),
  };
}

/** `fn` of each line along the axis, written back in place (softmax-like ops keep the shape). */
function perLine(c: AxisCase, fn: (line: number[]) => number[]): Expected {
  const { lines, at } = alongAxis(c);
  const data = new Array<number>(size(c.x.shape)).fill(0);
  lines.forEach((line, l) => {
    fn(line).forEach((v, j) => {
      data[at[l]![j]!] = v;
    });
  });
  return { dtype: 'float32', shape: c.x.shape, data };
}

const anyFloat = floatArb({ max: 1e30 });
// Duplicates make ties: argmax must take the first maximum.
const tied = fc.oneof(fc.integer({ min: -2, max: 2 }), floatArb({ max: 1e30 }));

type Reducer = (x: Tensor, axes?: number | readonly number[], keepDims?: boolean) => Tensor;
const call = (fn: Reducer) => (rt: Parameters<OpProperty['run']>[0], c: ReduceCase) =>
  fn(tensorOf(rt, c.x), c.axes, c.keepDims);

/** Reductions (sum, max, argmax) and the composites over axes. */
export function reductionProperties(): OpProperty[] {
  return [
    property<ReduceCase>({
      op: 'sum',
      arb: reduceArb('float32', anyFloat, false),
      run: call(sum),
      ref: (c) => reduceRef(c, 'float32', total, sumSlack),
      tol: { rtol: 0, atol: 0 },
    }),
    property<ReduceCase>({
      op: 'sum',
      label: 'int32',
      arb: reduceArb('int32', intArb(2 ** 16), false),
      run: call(sum),
      ref: (c) => reduceRef(c, 'int32', total),
    }),
    property<ReduceCase>({
      op: 'max',
      arb: reduceArb('float32', tied, true),
      run: call(max),
      ref: (c) => reduceRef(c, 'float32', nanMax),
    }),
    property<ReduceCase>({
      op: 'max',
      label: 'int32',
      arb: reduceArb('int32', intArb(2 ** 31 - 1), true),
      run: call(max),
      ref: (c) => reduceRef(c, 'int32', (r) => Math.max(...r)),
    }),
    property<ReduceCase>({
      op: 'min',
      arb: reduceArb('float32', tied, true),
      run: call(min),
      ref: (c) => reduceRef(c, 'float32', nanMin),
    }),
    property<ReduceCase>({
      op: 'mean',
      arb: reduceArb('float32', anyFloat, false),
      run: call(mean),
      ref: (c) =>
        reduceRef(
          c,
          'float32',
          (r) => total(r) / r.length,
          (r) => sumSlack(r) / Math.max(r.length, 1),
        ),
      tol: { rtol: 2 * U, atol: 0 },
    }),
    property<ReduceCase>({
      op: 'variance',
      arb: reduceArb('float32', floatArb({ max: 100 }), false),
      run: call(variance),
      ref: (c) =>
        reduceRef(
          c,
          'float32',
          (r) => {
            const m = total(r) / r.length;
            return r.reduce((s, v) => s + (v - m) ** 2, 0) / r.length;
          },
          // Two passes: the mean's error feeds every deviation; bound by K·u·Σx² terms.
          (r) => (8 * (r.length + 2) * U * r.reduce((s, v) => s + v * v, 0)) / Math.max(r.length, 1),
        ),
      tol: COMPOSITE,
    }),
    property<ReduceCase>({
      op: 'logSumExp',
      arb: reduceArb('float32', floatArb({ max: 1e4 }), false),
      run: call(logSumExp),
      ref: (c) =>
        reduceRef(
          c,
          'float32',
          lse,
          (r) => 4 * U * Math.max(0, ...r.map((v) => Math.abs(v)).filter(Number.isFinite)),
        ),
      tol: COMPOSITE,
    }),
    property<AxisCase>({
      op: 'argmax',
      arb: axisArb(tied, true),
      run: (rt, c) => argmax(tensorOf(rt, c.x), c.axis),
      ref: (c) => {
        const { shape, lines } = alongAxis(c);
        return { dtype: 'int32', shape, data: lines.map((l) => firstArg(l, (a, b) => a > b)) };
      },
    }),
    property<AxisCase>({
      op: 'argmin',
      arb: axisArb(tied, true),
      run: (rt, c) => argmin(tensorOf(rt, c.x), c.axis),
      ref: (c) => {
        const { shape, lines } = alongAxis(c);
        return { dtype: 'int32', shape, data: lines.map((l) => firstArg(l, (a, b) => a < b)) };
      },
    }),
    property<AxisCase>({
      op: 'softmax',
      arb: axisArb(floatArb({ max: 1e4 }), false),
      run: (rt, c) => softmax(tensorOf(rt, c.x), c.axis),
      ref: (c) =>
        perLine(c, (l) => {
          const m = nanMax(l);
          const e = l.map((v) => Math.exp(v - m));
          const s = total(e);
          return e.map((v) => v / s);
        }),
      tol: COMPOSITE,
    }),
    property<AxisCase>({
      op: 'logSoftmax',
      arb: axisArb(floatArb({ max: 1e4 }), false),
      run: (rt, c) => logSoftmax(tensorOf(rt, c.x), c.axis),
      ref: (c) => {
        const out = perLine(c, (l) => {
          const z = lse(l);
          return l.map((v) => v - z);
        });
        // x - lse cancels: the error is relative to the operands, not the difference.
        const slack = c.x.data.map((v) => (Number.isFinite(v) ? 8 * U * (Math.abs(v) + 10) : 0));
        return { ...out, slack };
      },
      tol: COMPOSITE,
    }),
  ];
}
