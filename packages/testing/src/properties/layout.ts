import {
  broadcastTo,
  concat,
  type DType,
  expandDims,
  fill,
  gather,
  oneHot,
  ones,
  onesLike,
  pad,
  reshape,
  scatterAdd,
  slice,
  squeeze,
  stack,
  transpose,
  zeros,
  zerosLike,
} from '@descent/core';
import {
  boolArb,
  broadcastable,
  broadcastOffset,
  dim,
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
  strides,
  tensorOf,
  U,
  unravel,
} from './property';

const anyFloat = floatArb({ max: undefined });
const DTYPES: DType[] = ['float32', 'int32', 'bool'];
const valuesOf = (dtype: DType) =>
  dtype === 'float32' ? anyFloat : dtype === 'int32' ? intArb(2 ** 31 - 1) : boolArb;
/** A spec of any dtype (data movement must not care). */
const anySpec = (shape = shapeArb()) =>
  fc.constantFrom(...DTYPES).chain((dtype) => specArb(dtype, shape, valuesOf(dtype)));

/** Output positions → input flat offsets: the reference of every data-movement op. */
function gatherRef(
  x: Spec,
  shape: readonly number[],
  from: (idx: number[]) => number | undefined,
  fillValue = 0,
): Expected {
  const data: number[] = [];
  for (let i = 0; i < size(shape); i++) {
    const off = from(unravel(i, shape));
    data.push(off === undefined ? fillValue : x.data[off]!);
  }
  return { dtype: x.dtype, shape, data };
}
const offsetOf = (idx: readonly number[], shape: readonly number[]) =>
  idx.reduce((o, v, a) => o + v * strides(shape)[a]!, 0);

interface SliceCase {
  x: Spec;
  begin: number[];
  size: number[];
  /** What the op should take: begins normalized, sizes resolved. */
  from: number[];
  len: number[];
}
const sliceArb: fc.Arbitrary<SliceCase> = anySpec().chain((x) =>
  fc
    .tuple(
      ...x.shape.map((d) =>
        fc.integer({ min: 0, max: d }).chain((b) =>
          fc.record({
            b: fc.constant(b),
            neg: fc.boolean(),
            n: fc.integer({ min: 0, max: d - b }),
            toEnd: fc.boolean(),
          }),
        ),
      ),
    )
    .chain((axes) =>
      fc.integer({ min: 0, max: axes.length }).map((given) => ({
        x,
        // Negative begins count from the end (-d is 0; a begin of d has no negative form).
        begin: axes.slice(0, given).map((a, i) => (a.neg && a.b < x.shape[i]! ? a.b - x.shape[i]! : a.b)),
        size: axes.slice(0, given).map((a) => (a.toEnd ? -1 : a.n)),
        from: axes.map((a, i) => (i < given ? a.b : 0)),
        len: axes.map((a, i) => (i >= given ? x.shape[i]! : a.toEnd ? x.shape[i]! - a.b : a.n)),
      })),
    ),
);

interface PadCase {
  x: Spec;
  paddings: [number, number][];
  value: number;
}

interface IndexCase {
  x: Spec;
  axis: number;
  indices: Spec;
}
const indexArb: fc.Arbitrary<IndexCase> = anySpec(fc.array(dim(), { minLength: 1, maxLength: 3 })).chain(
  (x) =>
    fc.integer({ min: 0, max: x.shape.length - 1 }).chain((axis) => {
      const d = x.shape[axis]!;
      const ishape = d === 0 ? fc.array(fc.constant(0), { minLength: 1, maxLength: 2 }) : shapeArb(0, 2);
      return specArb('int32', ishape, fc.integer({ min: 0, max: Math.max(d - 1, 0) })).map((indices) => ({
        x,
        axis,
        indices,
      }));
    }),
);

interface ScatterCase {
  updates: Spec;
  indices: Spec;
  axis: number;
  size: number;
}
const scatterArb: fc.Arbitrary<ScatterCase> = fc
  .record({
    pre: shapeArb(0, 2),
    suf: shapeArb(0, 2),
    ishape: shapeArb(0, 2),
    n: fc.integer({ min: 0, max: 4 }),
  })
  .chain(({ pre, suf, ishape, n }) => {
    const ish = n === 0 ? [...ishape.slice(0, 1).map(() => 0), ...ishape.slice(1)] : ishape;
    const safe = n === 0 && size(ish) > 0 ? [0] : ish;
    return fc.record({
      updates: specArb('float32', fc.constant([...pre, ...safe, ...suf]), floatArb({ max: 1e6 })),
      indices: specArb('int32', fc.constant(safe), fc.integer({ min: 0, max: Math.max(n - 1, 0) })),
      axis: fc.constant(pre.length),
      size: fc.constant(n),
    });
  });

interface OneHotCase {
  indices: Spec;
  depth: number;
  on: number;
  off: number;
  dtype: DType;
}

/** Shape ops, indexing and creation: pure data movement, compared exactly. */
export function layoutProperties(): OpProperty[] {
  return [
    property<{ x: Spec; shape: number[] }>({
      op: 'reshape',
      arb: anySpec().chain((x) =>
        fc
          .tuple(
            fc.shuffledSubarray([...x.shape], { minLength: x.shape.length }),
            fc.integer({ min: 0, max: 2 }),
          )
          .map(([dims, ones1]) => ({ x, shape: [...dims, ...Array<number>(ones1).fill(1)] })),
      ),
      run: (rt, c) => reshape(tensorOf(rt, c.x), c.shape),
      ref: (c) => ({ ...c.x, shape: c.shape }),
    }),
    property<{ x: Spec; shape: number[] }>({
      op: 'broadcastTo',
      arb: shapeArb().chain((out) =>
        fc.record({ x: broadcastable(out).chain((s) => anySpec(fc.constant(s))), shape: fc.constant(out) }),
      ),
      run: (rt, c) => broadcastTo(tensorOf(rt, c.x), c.shape),
      ref: (c) => gatherRef(c.x, c.shape, (idx) => broadcastOffset(idx, c.x.shape)),
    }),
    property<{ x: Spec; perm: number[] }>({
      op: 'transpose',
      arb: anySpec().chain((x) =>
        fc
          .shuffledSubarray(
            x.shape.map((_, i) => i),
            { minLength: x.shape.length },
          )
          .map((perm) => ({ x, perm })),
      ),
      run: (rt, c) => transpose(tensorOf(rt, c.x), c.perm),
      ref: (c) =>
        gatherRef(
          c.x,
          c.perm.map((p) => c.x.shape[p]!),
          (idx) => {
            const src = new Array<number>(idx.length);
            c.perm.forEach((p, a) => {
              src[p] = idx[a]!;
            });
            return offsetOf(src, c.x.shape);
          },
        ),
    }),
    property<SliceCase>({
      op: 'slice',
      arb: sliceArb,
      run: (rt, c) => slice(tensorOf(rt, c.x), c.begin, c.size),
      ref: (c) =>
        gatherRef(c.x, c.len, (idx) =>
          offsetOf(
            idx.map((v, a) => v + c.from[a]!),
            c.x.shape,
          ),
        ),
    }),
    property<PadCase>({
      op: 'pad',
      arb: anySpec().chain((x) =>
        fc.record({
          x: fc.constant(x),
          paddings: fc.tuple(
            ...x.shape.map(() => fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))),
          ),
          value: x.dtype === 'float32' ? anyFloat : x.dtype === 'int32' ? intArb() : boolArb,
        }),
      ),
      run: (rt, c) => pad(tensorOf(rt, c.x), c.paddings, c.value),
      ref: (c) =>
        gatherRef(
          c.x,
          c.x.shape.map((d, a) => d + c.paddings[a]![0] + c.paddings[a]![1]),
          (idx) => {
            const src = idx.map((v, a) => v - c.paddings[a]![0]);
            return src.every((v, a) => v >= 0 && v < c.x.shape[a]!) ? offsetOf(src, c.x.shape) : undefined;
          },
          c.value,
        ),
      signedZeros: true,
    }),
    property<{ xs: Spec[]; axis: number }>({
      op: 'concat',
      arb: fc
        .record({
          shape: fc.array(dim(), { minLength: 1, maxLength: 4 }),
          dtype: fc.constantFrom(...DTYPES),
          lens: fc.array(dim(), { minLength: 1, maxLength: 3 }),
        })
        .chain(({ shape, dtype, lens }) =>
          fc
            .integer({ min: 0, max: shape.length - 1 })
            .chain((axis) =>
              fc
                .tuple(
                  ...lens.map((n) =>
                    specArb(dtype, fc.constant(shape.map((d, a) => (a === axis ? n : d))), valuesOf(dtype)),
                  ),
                )
                .map((xs) => ({ xs, axis })),
            ),
        ),
      run: (rt, c) =>
        concat(
          c.xs.map((x) => tensorOf(rt, x)),
          c.axis,
        ),
      ref: (c) => {
        const first = c.xs[0]!;
        const shape = first.shape.map((d, a) =>
          a === c.axis ? c.xs.reduce((n, x) => n + x.shape[a]!, 0) : d,
        );
        const data: number[] = [];
        for (let i = 0; i < size(shape); i++) {
          const idx = unravel(i, shape);
          let k = idx[c.axis]!;
          let j = 0;
          while (k >= c.xs[j]!.shape[c.axis]!) k -= c.xs[j++]!.shape[c.axis]!;
          idx[c.axis] = k;
          data.push(c.xs[j]!.data[offsetOf(idx, c.xs[j]!.shape)]!);
        }
        return { dtype: first.dtype, shape, data };
      },
    }),
    property<{ xs: Spec[]; axis: number }>({
      op: 'stack',
      arb: fc
        .record({
          shape: shapeArb(0, 3),
          dtype: fc.constantFrom(...DTYPES),
          n: fc.integer({ min: 1, max: 3 }),
        })
        .chain(({ shape, dtype, n }) =>
          fc.record({
            xs: fc.array(specArb(dtype, fc.constant(shape), valuesOf(dtype)), { minLength: n, maxLength: n }),
            axis: fc.integer({ min: -(shape.length + 1), max: shape.length }),
          }),
        ),
      run: (rt, c) =>
        stack(
          c.xs.map((x) => tensorOf(rt, x)),
          c.axis,
        ),
      ref: (c) => {
        const s = c.xs[0]!.shape;
        const axis = c.axis < 0 ? c.axis + s.length + 1 : c.axis;
        const shape = [...s.slice(0, axis), c.xs.length, ...s.slice(axis)];
        const data: number[] = [];
        for (let i = 0; i < size(shape); i++) {
          const idx = unravel(i, shape);
          const [j] = idx.splice(axis, 1);
          data.push(c.xs[j!]!.data[offsetOf(idx, s)]!);
        }
        return { dtype: c.xs[0]!.dtype, shape, data };
      },
    }),
    property<IndexCase>({
      op: 'gather',
      arb: indexArb,
      run: (rt, c) => gather(tensorOf(rt, c.x), tensorOf(rt, c.indices), c.axis),
      ref: (c) => {
        const ir = c.indices.shape.length;
        const shape = [...c.x.shape.slice(0, c.axis), ...c.indices.shape, ...c.x.shape.slice(c.axis + 1)];
        return gatherRef(c.x, shape, (idx) => {
          const at = c.indices.data[offsetOf(idx.slice(c.axis, c.axis + ir), c.indices.shape)]!;
          return offsetOf([...idx.slice(0, c.axis), at, ...idx.slice(c.axis + ir)], c.x.shape);
        });
      },
    }),
    property<ScatterCase>({
      op: 'scatterAdd',
      arb: scatterArb,
      run: (rt, c) => scatterAdd(tensorOf(rt, c.updates), tensorOf(rt, c.indices), c.axis, c.size),
      ref: (c) => {
        const u = c.updates.shape;
        const ir = c.indices.shape.length;
        const shape = [...u.slice(0, c.axis), c.size, ...u.slice(c.axis + ir)];
        const data = new Array<number>(size(shape)).fill(0);
        const mag = new Array<number>(size(shape)).fill(0);
        const count = new Array<number>(size(shape)).fill(0);
        for (let i = 0; i < size(u); i++) {
          const idx = unravel(i, u);
          const at = c.indices.data[offsetOf(idx.slice(c.axis, c.axis + ir), c.indices.shape)]!;
          const o = offsetOf([...idx.slice(0, c.axis), at, ...idx.slice(c.axis + ir)], shape);
          data[o]! += c.updates.data[i]!;
          mag[o]! += Math.abs(c.updates.data[i]!);
          count[o]!++;
        }
        return {
          dtype: 'float32',
          shape,
          data,
          slack: mag.map((m, o) => 2 * (count[o]! + 1) * U * m),
          underflows: count.map((k) => 2 * (k + 1)),
        };
      },
      tol: { rtol: 0, atol: 0 },
    }),
    property<OneHotCase>({
      op: 'oneHot',
      arb: fc
        .record({ depth: fc.integer({ min: 0, max: 4 }), dtype: fc.constantFrom<DType>('float32', 'int32') })
        .chain(({ depth, dtype }) =>
          fc.record({
            // Out-of-range indices (negative or ≥ depth) give a row of offValue.
            indices: specArb('int32', shapeArb(0, 3), fc.integer({ min: -2, max: depth + 1 })),
            depth: fc.constant(depth),
            on: dtype === 'int32' ? fc.integer({ min: -5, max: 5 }) : floatArb({ nan: false }),
            off: dtype === 'int32' ? fc.integer({ min: -5, max: 5 }) : floatArb({ nan: false }),
            dtype: fc.constant(dtype),
          }),
        ),
      run: (rt, c) =>
        oneHot(tensorOf(rt, c.indices), c.depth, { onValue: c.on, offValue: c.off, dtype: c.dtype }),
      ref: (c) => ({
        dtype: c.dtype,
        shape: [...c.indices.shape, c.depth],
        data: c.indices.data.flatMap((k) =>
          Array.from({ length: c.depth }, (_, j) => (j === k ? c.on : c.off)),
        ),
      }),
    }),
    property<{ x: Spec; axis: number }>({
      op: 'expandDims',
      arb: anySpec(shapeArb(0, 3)).chain((x) =>
        fc.record({
          x: fc.constant(x),
          axis: fc.integer({ min: -(x.shape.length + 1), max: x.shape.length }),
        }),
      ),
      run: (rt, c) => expandDims(tensorOf(rt, c.x), c.axis),
      ref: (c) => {
        const a = c.axis < 0 ? c.axis + c.x.shape.length + 1 : c.axis;
        return { ...c.x, shape: [...c.x.shape.slice(0, a), 1, ...c.x.shape.slice(a)] };
      },
    }),
    property<{ x: Spec; axes: number[] | undefined }>({
      op: 'squeeze',
      arb: anySpec().chain((x) =>
        fc.record({
          x: fc.constant(x),
          axes: fc.option(fc.subarray(x.shape.flatMap((d, i) => (d === 1 ? [i] : []))), { nil: undefined }),
        }),
      ),
      run: (rt, c) => squeeze(tensorOf(rt, c.x), c.axes),
      ref: (c) => {
        const drop = c.axes ?? c.x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
        return { ...c.x, shape: c.x.shape.filter((_, i) => !drop.includes(i)) };
      },
    }),
    ...creationProperties(),
  ];
}

interface FillCase {
  shape: number[];
  dtype: DType;
  value: number;
}
const fillArb: fc.Arbitrary<FillCase> = fc
  .record({ shape: shapeArb(), dtype: fc.constantFrom(...DTYPES) })
  .chain(({ shape, dtype }) =>
    fc.record({ shape: fc.constant(shape), dtype: fc.constant(dtype), value: valuesOf(dtype) }),
  );
const filled = (shape: readonly number[], dtype: DType, v: number): Expected => ({
  dtype,
  shape,
  data: new Array<number>(size(shape)).fill(v),
});

function creationProperties(): OpProperty[] {
  return [
    property<FillCase>({
      op: 'fill',
      arb: fillArb,
      run: (rt, c) => fill(rt, c.shape, c.value, c.dtype),
      ref: (c) => filled(c.shape, c.dtype, c.value),
      signedZeros: true,
    }),
    property<FillCase>({
      op: 'zeros',
      arb: fillArb,
      run: (rt, c) => zeros(rt, c.shape, c.dtype),
      ref: (c) => filled(c.shape, c.dtype, 0),
      signedZeros: true,
    }),
    property<FillCase>({
      op: 'ones',
      arb: fillArb,
      run: (rt, c) => ones(rt, c.shape, c.dtype),
      ref: (c) => filled(c.shape, c.dtype, 1),
    }),
    property<Spec>({
      op: 'zerosLike',
      arb: anySpec(),
      run: (rt, x) => zerosLike(tensorOf(rt, x)),
      ref: (x) => filled(x.shape, x.dtype, 0),
      signedZeros: true,
    }),
    property<Spec>({
      op: 'onesLike',
      arb: anySpec(),
      run: (rt, x) => onesLike(tensorOf(rt, x)),
      ref: (x) => filled(x.shape, x.dtype, 1),
    }),
  ];
}
