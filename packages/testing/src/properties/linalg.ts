import {
  avgPool,
  avgPoolBackward,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  dense,
  matmul,
  maxPool,
  maxPoolBackward,
  type Pool2DAttrs,
} from '@descent/core';
import {
  broadcastable,
  broadcastOffset,
  broadcastShapes,
  dim,
  type Expected,
  fc,
  floatArb,
  MAX_FLOAT32,
  type OpProperty,
  property,
  type Spec,
  shapeArb,
  size,
  specArb,
  strides,
  tensorOf,
  U,
  unravel,
} from './property';

/**
 * The second operand of conv2d and conv2dBackpropFilter stays finite: whether a zero of the
 * padding times ±Inf/NaN is NaN (im2col + GEMM, PyTorch) or skipped (direct loops) is not pinned.
 */
const finite = floatArb({ max: 1e4, nan: false }).filter(Number.isFinite);

/** Mostly moderate values, now and then ±0, huge, tiny, NaN or ±Infinity (which must propagate). */
const values = fc.oneof(
  { weight: 12, arbitrary: floatArb({ max: 10, specials: false }) },
  { weight: 1, arbitrary: floatArb({ max: undefined }) },
);
const at = (shape: readonly number[], ...idx: number[]) =>
  idx.reduce((o, v, a) => o + v * strides(shape)[a]!, 0);

/** Accumulates products per output element with the float32 summation error bound as slack. */
class Acc {
  readonly data: number[];
  readonly mag: number[];
  readonly count: number[];
  /** Σ|term| over the finite terms: past the largest float32, float32 sums may overflow. */
  readonly finiteMag: number[];
  constructor(n: number) {
    this.data = new Array<number>(n).fill(0);
    this.mag = new Array<number>(n).fill(0);
    this.count = new Array<number>(n).fill(0);
    this.finiteMag = new Array<number>(n).fill(0);
  }
  add(o: number, v: number): void {
    this.data[o]! += v;
    this.mag[o]! += Math.abs(v);
    this.count[o]!++;
    if (Number.isFinite(v)) this.finiteMag[o]! += Math.abs(v);
  }
  result(shape: readonly number[]): Expected {
    return {
      dtype: 'float32',
      shape,
      data: this.data,
      slack: this.mag.map((m, o) => 2 * (this.count[o]! + 2) * U * (Number.isFinite(m) ? m : 0)),
      // Products and partial sums that underflow into subnormals (or flush to zero) err absolutely.
      underflows: this.count.map((k) => 2 * (k + 2)),
      // Products and partial sums in float32 (a GPU's) overflow where the finite terms' magnitudes
      // reach past the largest float32, though the double sum may not: ±Infinity or NaN is allowed.
      overflows: this.finiteMag.map((m) => m * (1 + 4 * U) > MAX_FLOAT32),
    };
  }
}

interface MatmulCase {
  a: Spec;
  b: Spec;
  transposeA: boolean;
  transposeB: boolean;
}
const matmulArb: fc.Arbitrary<MatmulCase> = fc
  .record({
    batch: shapeArb(0, 2),
    m: dim(4),
    k: dim(4),
    n: dim(4),
    transposeA: fc.boolean(),
    transposeB: fc.boolean(),
  })
  .chain(({ batch, m, k, n, transposeA, transposeB }) =>
    fc.record({
      a: broadcastable(batch).chain((ba) =>
        specArb('float32', fc.constant([...ba, ...(transposeA ? [k, m] : [m, k])]), values),
      ),
      b: broadcastable(batch).chain((bb) =>
        specArb('float32', fc.constant([...bb, ...(transposeB ? [n, k] : [k, n])]), values),
      ),
      transposeA: fc.constant(transposeA),
      transposeB: fc.constant(transposeB),
    }),
  );

interface DenseCase {
  x: Spec;
  kernel: Spec;
  bias: Spec | undefined;
  relu: boolean;
}
const denseArb: fc.Arbitrary<DenseCase> = fc
  .record({ m: dim(4), k: dim(4), n: dim(4), bias: fc.boolean(), relu: fc.boolean() })
  .chain(({ m, k, n, bias, relu }) =>
    fc.record({
      x: specArb('float32', fc.constant([m, k]), values),
      kernel: specArb('float32', fc.constant([k, n]), values),
      bias: bias ? specArb('float32', fc.constant([n]), values) : fc.constant(undefined),
      relu: fc.constant(relu),
    }),
  );

/** x·kernel + bias in double, the bias one more term of each sum; then ReLU's select (NaN stays). */
function denseRef({ x, kernel, bias, relu }: DenseCase): Expected {
  const [m, k] = x.shape as [number, number];
  const n = kernel.shape[1]!;
  const acc = new Acc(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      for (let p = 0; p < k; p++) acc.add(i * n + j, x.data[i * k + p]! * kernel.data[p * n + j]!);
      if (bias) acc.add(i * n + j, bias.data[j]!);
    }
  const out = acc.result([m, n]);
  // ReLU (NaN stays, -0 becomes +0). Where the double sum lies within its slack of 0, ReLU of
  // the float32 sum stays within it.
  return relu ? { ...out, data: out.data.map((v) => Math.max(v, 0)) } : out;
}

function matmulRef(c: MatmulCase): Expected {
  const ra = c.a.shape.length;
  const rb = c.b.shape.length;
  const [m, k] = c.transposeA
    ? [c.a.shape[ra - 1]!, c.a.shape[ra - 2]!]
    : [c.a.shape[ra - 2]!, c.a.shape[ra - 1]!];
  const n = c.transposeB ? c.b.shape[rb - 2]! : c.b.shape[rb - 1]!;
  const ba = c.a.shape.slice(0, -2);
  const bb = c.b.shape.slice(0, -2);
  const batch = broadcastShapes(ba, bb);
  const shape = [...batch, m, n];
  const acc = new Acc(size(shape));
  for (let bi = 0; bi < size(batch); bi++) {
    const bidx = unravel(bi, batch);
    const oa = broadcastOffset(bidx, ba) * m * k;
    const ob = broadcastOffset(bidx, bb) * k * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const o = (bi * m + i) * n + j;
        for (let p = 0; p < k; p++) {
          const av = c.a.data[oa + (c.transposeA ? p * m + i : i * k + p)]!;
          const bv = c.b.data[ob + (c.transposeB ? j * k + p : p * n + j)]!;
          acc.add(o, av * bv);
        }
      }
    }
  }
  return acc.result(shape);
}

/** Geometry of one convolution or pooling window sweep (NHWC, HWIO). */
interface Geometry {
  n: number;
  h: number;
  w: number;
  c: number;
  kh: number;
  kw: number;
  o: number;
  strides: [number, number];
  dilations: [number, number];
  pads: [number, number, number, number];
  oh: number;
  ow: number;
}
const outSize = (x: number, k: number, s: number, d: number, p0: number, p1: number) =>
  Math.floor((x + p0 + p1 - ((k - 1) * d + 1)) / s) + 1;

function geometryArb(pool: boolean): fc.Arbitrary<Geometry> {
  return fc
    .record({
      n: dim(2),
      h: fc.integer({ min: 1, max: 5 }),
      w: fc.integer({ min: 1, max: 5 }),
      c: pool ? dim(2) : dim(2),
      kh: fc.integer({ min: 1, max: 3 }),
      kw: fc.integer({ min: 1, max: 3 }),
      o: dim(2),
      strides: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      dilations: pool
        ? fc.constant<[number, number]>([1, 1])
        : fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
      pads: fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 0, max: 2 }))) as fc.Arbitrary<
        [number, number, number, number]
      >,
    })
    .map((g) => ({
      ...g,
      // Pooling pads stay below the window, so no window sees only padding.
      pads: pool
        ? ([
            Math.min(g.pads[0], g.kh - 1),
            Math.min(g.pads[1], g.kh - 1),
            Math.min(g.pads[2], g.kw - 1),
            Math.min(g.pads[3], g.kw - 1),
          ] as [number, number, number, number])
        : g.pads,
      oh: 0,
      ow: 0,
    }))
    .map((g) => ({
      ...g,
      oh: outSize(g.h, g.kh, g.strides[0], g.dilations[0], g.pads[0], g.pads[1]),
      ow: outSize(g.w, g.kw, g.strides[1], g.dilations[1], g.pads[2], g.pads[3]),
    }))
    .filter((g) => g.oh >= 1 && g.ow >= 1);
}

/** Calls `visit(outputIndex, inputIndex, filterTap)` for every in-bounds tap of the sweep. */
function sweep(
  g: Geometry,
  channels: number,
  visit: (y: number[], x: number[], tap: [number, number]) => void,
): void {
  for (let b = 0; b < g.n; b++)
    for (let i = 0; i < g.oh; i++)
      for (let j = 0; j < g.ow; j++)
        for (let p = 0; p < g.kh; p++)
          for (let q = 0; q < g.kw; q++) {
            const hi = i * g.strides[0] - g.pads[0] + p * g.dilations[0];
            const wi = j * g.strides[1] - g.pads[2] + q * g.dilations[1];
            if (hi < 0 || hi >= g.h || wi < 0 || wi >= g.w) continue;
            for (let ch = 0; ch < channels; ch++) visit([b, i, j, ch], [b, hi, wi, ch], [p, q]);
          }
}

const xShape = (g: Geometry) => [g.n, g.h, g.w, g.c];
const yShape = (g: Geometry, ch: number) => [g.n, g.oh, g.ow, ch];
const fShape = (g: Geometry) => [g.kh, g.kw, g.c, g.o];
const convAttrs = (g: Geometry) => ({ strides: g.strides, pads: g.pads, dilations: g.dilations });

interface ConvCase {
  g: Geometry;
  a: Spec;
  b: Spec;
}
const convArb = (
  shapes: (g: Geometry) => [number[], number[]],
  v = values,
  pool = false,
  vb = v,
): fc.Arbitrary<ConvCase> =>
  geometryArb(pool).chain((g) => {
    const [sa, sb] = shapes(g);
    return fc.record({
      g: fc.constant(g),
      a: specArb('float32', fc.constant(sa), v),
      b: specArb('float32', fc.constant(sb), vb),
    });
  });

function poolAttrs(g: Geometry, countIncludePad: boolean): Pool2DAttrs {
  return { windowSize: [g.kh, g.kw], strides: g.strides, pads: g.pads, dilations: [1, 1], countIncludePad };
}

/** Per window: the first maximal cell in row-major order and the max (NaN wins). */
function windows(g: Geometry, x: Spec): { max: number[]; argAt: number[]; count: number[] } {
  const n = size(yShape(g, g.c));
  const max = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  const argAt = new Array<number>(n).fill(-1);
  const count = new Array<number>(n).fill(0);
  sweep(g, g.c, (y, xi) => {
    const o = at(yShape(g, g.c), ...y);
    const xo = at(xShape(g), ...xi);
    const v = x.data[xo]!;
    count[o]!++;
    if (argAt[o] === -1 || (!Number.isNaN(max[o]!) && (v > max[o]! || Number.isNaN(v)))) {
      max[o] = v;
      argAt[o] = xo;
    }
  });
  return { max, argAt, count };
}

/** matmul, the convolutions and the pooling ops with their backward kernels. */
export function linalgProperties(): OpProperty[] {
  const avg = (countIncludePad: boolean) =>
    property<ConvCase>({
      op: 'avgPool',
      label: countIncludePad ? 'countIncludePad' : 'valid cells',
      arb: convArb((g) => [xShape(g), [0]], values, true),
      run: (rt, c) =>
        avgPool(tensorOf(rt, c.a), {
          windowSize: [c.g.kh, c.g.kw],
          strides: c.g.strides,
          padding: c.g.pads,
          countIncludePad,
        }),
      ref: ({ g, a }) => {
        const acc = new Acc(size(yShape(g, g.c)));
        sweep(g, g.c, (y, x) => acc.add(at(yShape(g, g.c), ...y), a.data[at(xShape(g), ...x)]!));
        const r = acc.result(yShape(g, g.c));
        const div = (o: number) => (countIncludePad ? g.kh * g.kw : acc.count[o]!);
        // The window sum may overflow float32 where the mean would not (r.overflows).
        return { ...r, data: r.data.map((v, o) => v / div(o)), slack: r.slack!.map((s, o) => s / div(o)) };
      },
      tol: { rtol: 4 * U, atol: 1e-40 }, // subnormal quotients round by an absolute 2^-149
    });
  const avgBack = (countIncludePad: boolean) =>
    property<ConvCase>({
      op: 'avgPoolBackward',
      label: countIncludePad ? 'countIncludePad' : 'valid cells',
      arb: convArb((g) => [yShape(g, g.c), [0]], values, true),
      run: (rt, c) =>
        avgPoolBackward(tensorOf(rt, c.a), { ...poolAttrs(c.g, countIncludePad), inputShape: xShape(c.g) }),
      ref: ({ g, a }) => {
        const counts = new Array<number>(size(yShape(g, g.c))).fill(0);
        sweep(g, g.c, (y) => counts[at(yShape(g, g.c), ...y)]!++);
        const acc = new Acc(size(xShape(g)));
        sweep(g, g.c, (y, x) => {
          const o = at(yShape(g, g.c), ...y);
          acc.add(at(xShape(g), ...x), a.data[o]! / (countIncludePad ? g.kh * g.kw : counts[o]!));
        });
        return acc.result(xShape(g));
      },
      tol: { rtol: 4 * U, atol: 1e-40 }, // subnormal quotients round by an absolute 2^-149
    });
  return [
    property<MatmulCase>({
      op: 'matmul',
      arb: matmulArb,
      run: (rt, c) =>
        matmul(tensorOf(rt, c.a), tensorOf(rt, c.b), { transposeA: c.transposeA, transposeB: c.transposeB }),
      ref: matmulRef,
      tol: { rtol: 0, atol: 0 },
    }),
    property<DenseCase>({
      op: 'dense',
      arb: denseArb,
      run: (rt, c) =>
        dense(tensorOf(rt, c.x), tensorOf(rt, c.kernel), c.bias && tensorOf(rt, c.bias), {
          activation: c.relu ? 'relu' : 'linear',
        }),
      ref: denseRef,
      tol: { rtol: 0, atol: 0 },
    }),
    property<ConvCase>({
      op: 'conv2d',
      arb: convArb((g) => [xShape(g), fShape(g)], values, false, finite),
      run: (rt, c) =>
        conv2d(tensorOf(rt, c.a), tensorOf(rt, c.b), {
          strides: c.g.strides,
          padding: c.g.pads,
          dilations: c.g.dilations,
        }),
      ref: ({ g, a, b }) => {
        const acc = new Acc(size(yShape(g, g.o)));
        sweep(g, g.c, ([n, i, j, ci], [, hi, wi], [p, q]) => {
          for (let co = 0; co < g.o; co++) {
            acc.add(
              at(yShape(g, g.o), n!, i!, j!, co),
              a.data[at(xShape(g), n!, hi!, wi!, ci!)]! * b.data[at(fShape(g), p, q, ci!, co)]!,
            );
          }
        });
        return acc.result(yShape(g, g.o));
      },
    }),
    property<ConvCase>({
      op: 'conv2dBackpropInput',
      arb: convArb((g) => [yShape(g, g.o), fShape(g)]),
      run: (rt, c) =>
        conv2dBackpropInput(tensorOf(rt, c.a), tensorOf(rt, c.b), {
          ...convAttrs(c.g),
          inputShape: xShape(c.g),
        }),
      ref: ({ g, a, b }) => {
        const acc = new Acc(size(xShape(g)));
        sweep(g, g.c, ([n, i, j, ci], [, hi, wi], [p, q]) => {
          for (let co = 0; co < g.o; co++) {
            acc.add(
              at(xShape(g), n!, hi!, wi!, ci!),
              a.data[at(yShape(g, g.o), n!, i!, j!, co)]! * b.data[at(fShape(g), p, q, ci!, co)]!,
            );
          }
        });
        return acc.result(xShape(g));
      },
    }),
    property<ConvCase>({
      op: 'conv2dBackpropFilter',
      arb: convArb((g) => [xShape(g), yShape(g, g.o)], values, false, finite),
      run: (rt, c) =>
        conv2dBackpropFilter(tensorOf(rt, c.a), tensorOf(rt, c.b), {
          ...convAttrs(c.g),
          filterShape: fShape(c.g),
        }),
      ref: ({ g, a, b }) => {
        const acc = new Acc(size(fShape(g)));
        sweep(g, g.c, ([n, i, j, ci], [, hi, wi], [p, q]) => {
          for (let co = 0; co < g.o; co++) {
            acc.add(
              at(fShape(g), p, q, ci!, co),
              a.data[at(xShape(g), n!, hi!, wi!, ci!)]! * b.data[at(yShape(g, g.o), n!, i!, j!, co)]!,
            );
          }
        });
        return acc.result(fShape(g));
      },
    }),
    property<ConvCase>({
      op: 'maxPool',
      arb: convArb((g) => [xShape(g), [0]], fc.oneof(fc.integer({ min: -2, max: 2 }), values), true),
      run: (rt, c) =>
        maxPool(tensorOf(rt, c.a), { windowSize: [c.g.kh, c.g.kw], strides: c.g.strides, padding: c.g.pads }),
      ref: ({ g, a }) => ({ dtype: 'float32', shape: yShape(g, g.c), data: windows(g, a).max }),
    }),
    property<ConvCase>({
      op: 'maxPoolBackward',
      // Small integers tie often: the gradient must go to the first maximal cell. No NaN in x.
      arb: geometryArb(true).chain((g) =>
        fc.record({
          g: fc.constant(g),
          a: specArb('float32', fc.constant(yShape(g, g.c)), values),
          b: specArb(
            'float32',
            fc.constant(xShape(g)),
            fc.oneof(fc.integer({ min: -2, max: 2 }), floatArb({ max: 100, nan: false })),
          ),
        }),
      ),
      run: (rt, c) => maxPoolBackward(tensorOf(rt, c.a), tensorOf(rt, c.b), poolAttrs(c.g, false)),
      ref: ({ g, a, b }) => {
        const { argAt } = windows(g, b);
        const acc = new Acc(size(xShape(g)));
        argAt.forEach((xo, o) => {
          if (xo >= 0) acc.add(xo, a.data[o]!);
        });
        return acc.result(xShape(g));
      },
    }),
    avg(false),
    avg(true),
    avgBack(false),
    avgBack(true),
  ];
}
