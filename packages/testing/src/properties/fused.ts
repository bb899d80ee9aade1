import {
  type AdamUpdateAttrs,
  adamApply,
  adamUpdate,
  reluGrad,
  softmaxCrossEntropy,
  softmaxCrossEntropyGrad,
  stack,
} from '@descent/core';
import fc from 'fast-check';
import { adamAttrs, adamReference } from '../cases/fused';
import {
  ARITH,
  COMPOSITE,
  EXACT,
  type Expected,
  floatArb,
  type OpProperty,
  property,
  type Spec,
  shapeArb,
  size,
  specArb,
  tensorOf,
  U,
} from './property';

const f32 = (shape: number[], data: number[]): Spec => ({ dtype: 'float32', shape, data });

/** Specs of one random shape (at least `minRank` axes), values from each arbitrary in turn. */
const sameShape = (minRank: number, ...values: fc.Arbitrary<number>[]): fc.Arbitrary<Spec[]> =>
  shapeArb(minRank).chain((s) => fc.tuple(...values.map((v) => specArb('float32', fc.constant(s), v))));

interface AdamCase {
  readonly xs: Spec[];
  readonly attrs: AdamUpdateAttrs;
}

const adamArb: fc.Arbitrary<AdamCase> = fc
  .record({
    beta1: fc.constantFrom(0, 0.5, 0.9, 0.99),
    beta2: fc.constantFrom(0, 0.9, 0.999, 0.9999),
    eps: fc.constantFrom(1e-8, 1e-6, 0.1),
    t: fc.integer({ min: 1, max: 10_000 }),
    amsgrad: fc.boolean(),
    // Applied (adamApply): the parameter comes last and the first output is the new parameter.
    applyScale: fc.constantFrom(undefined, -1e-3, -0.5, 2),
  })
  .chain(({ beta1, beta2, eps, t, amsgrad, applyScale }) => {
    const attrs = { ...adamAttrs(t, amsgrad, beta1, beta2, eps), applyScale };
    // Second moments are never negative; NaN and infinities come in through the gradient.
    const g = floatArb({ max: 1e4 });
    const mu = floatArb({ max: 1e2, specials: false });
    const nu = fc.float({ min: 0, max: 1e4, noNaN: true });
    const param = floatArb({ max: 1e2 });
    return sameShape(0, g, mu, nu, nu, param).map(([gs, ms, ns, vs, ps]) => ({
      xs: [gs!, ms!, ns!, ...(amsgrad ? [vs!] : []), ...(applyScale === undefined ? [] : [ps!])],
      attrs,
    }));
  });

function adamRef({ xs, attrs }: AdamCase): Expected {
  const [g, mu, nu] = xs.map((x) => x.data);
  const vMax = attrs.amsgrad ? xs[3]!.data : undefined;
  const r = adamReference(g!, mu!, nu!, attrs, vMax);
  const s = attrs.applyScale;
  const p = s === undefined ? undefined : xs.at(-1)!.data;
  const first = p ? r.update.map((u, i) => p[i]! + s! * u) : r.update;
  const outs = vMax ? [first, r.mu, r.nu, r.vMax] : [first, r.mu, r.nu];
  // param + scale·update may cancel: the roundings of both terms (a few ulps of each) bound it.
  const slack = outs.flatMap((o, k) =>
    o.map((_, i) => (k === 0 && p ? (Math.abs(p[i]!) + Math.abs(s! * r.update[i]!)) * 2 ** -21 : 0)),
  );
  return {
    ...f32([outs.length, ...xs[0]!.shape], outs.flat()),
    underflows: new Array(outs.length * g!.length).fill(4),
    slack,
  };
}

/** Fused ops of core, through their public functions (the fused kernel where the backend has one). */
export function fusedProperties(): OpProperty[] {
  return [
    property<AdamCase>({
      op: 'adamUpdate',
      arb: adamArb,
      run: (rt, c) => {
        const ts = c.xs.map((x) => tensorOf(rt, x));
        const [g, mu, nu] = ts;
        const { applyScale, ...a } = c.attrs;
        const vMax = a.amsgrad ? { vMax: ts[3]! } : {};
        const r =
          applyScale === undefined
            ? adamUpdate(g!, mu!, nu!, { ...a, ...vMax })
            : adamApply(ts.at(-1)!, g!, mu!, nu!, { ...a, applyScale, ...vMax });
        const first = 'param' in r ? r.param : r.update;
        return stack(r.vMax ? [first, r.mu, r.nu, r.vMax] : [first, r.mu, r.nu]);
      },
      ref: adamRef,
      // About eight roundings in a chain (the composite rounds after each op).
      tol: ARITH,
    }),
    property<Spec[]>({
      op: 'reluGrad',
      arb: sameShape(0, floatArb({ max: undefined }), floatArb({ max: undefined })),
      run: (rt, [dy, x]) => reluGrad(tensorOf(rt, dy!), tensorOf(rt, x!)),
      ref: ([dy, x]) =>
        f32(
          [...dy!.shape],
          dy!.data.map((d, i) => (x!.data[i]! > 0 || Number.isNaN(x!.data[i]!) ? d : 0)),
        ),
      tol: EXACT,
    }),
    property<Spec[]>({
      op: 'softmaxCrossEntropy',
      arb: sameShape(1, floatArb({ max: 1e4 }), fc.float({ min: 0, max: 1, noNaN: true })),
      run: (rt, [z, t]) => softmaxCrossEntropy(tensorOf(rt, z!), tensorOf(rt, t!)),
      ref: ([z, t]) => {
        const k = z!.shape[z!.shape.length - 1]!;
        const rows = k === 0 ? size(z!.shape.slice(0, -1)) : z!.data.length / k;
        const data: number[] = [];
        const slack: number[] = [];
        for (let r = 0; r < rows; r++) {
          const zr = z!.data.slice(r * k, r * k + k);
          const tr = t!.data.slice(r * k, r * k + k);
          const m = zr.some(Number.isNaN) ? Number.NaN : Math.max(...zr);
          const shift = Number.isFinite(m) ? m : 0;
          const lse = Math.log(zr.reduce((s, v) => s + Math.exp(v - shift), 0)) + shift;
          data.push(-tr.reduce((s, ti, j) => s + ti * (zr[j]! - lse), 0));
          // z - lse cancels: its error is relative to the operands, weighted by the targets.
          slack.push(tr.reduce((s, ti, j) => s + ti * 8 * U * (Math.abs(zr[j]!) + Math.abs(lse) + 10), 0));
        }
        return { ...f32(z!.shape.slice(0, -1), data), slack };
      },
      tol: COMPOSITE,
    }),
    property<Spec[]>({
      op: 'softmaxCrossEntropyGrad',
      // Logits and targets of one shape, dy one per row; special values come in through the logits.
      arb: shapeArb(1).chain((s) =>
        fc.tuple(
          specArb('float32', fc.constant(s), floatArb({ max: 1e4 })),
          specArb('float32', fc.constant(s), fc.float({ min: 0, max: 1, noNaN: true })),
          specArb('float32', fc.constant(s.slice(0, -1)), floatArb({ max: 1e2, specials: false })),
        ),
      ),
      run: (rt, [z, t, dy]) => softmaxCrossEntropyGrad(tensorOf(rt, z!), tensorOf(rt, t!), tensorOf(rt, dy!)),
      ref: ([z, t, dy]) => {
        const k = z!.shape[z!.shape.length - 1]!;
        const data: number[] = [];
        const slack: number[] = [];
        for (let r = 0; k > 0 && r < z!.data.length / k; r++) {
          const zr = z!.data.slice(r * k, r * k + k);
          const tr = t!.data.slice(r * k, r * k + k);
          const m = zr.some(Number.isNaN) ? Number.NaN : Math.max(...zr);
          const shift = Number.isFinite(m) ? m : 0;
          // A +Infinity logit makes the whole row NaN, as softmax's z − max does.
          const e = zr.map((v) => (m === Infinity ? Number.NaN : Math.exp(v - shift)));
          const s = e.reduce((a, b) => a + b, 0);
          const st = tr.reduce((a, b) => a + b, 0);
          const g = dy!.data[r]!;
          for (let j = 0; j < k; j++) {
            const p = e[j]! / s;
            data.push((p * st - tr[j]!) * g);
            // exp's argument is rounded relative to |z - shift|, the sums over k terms, then p·Σt − t cancels.
            const spread = p === 0 ? 0 : p * st * (Math.abs(zr[j]! - shift) + k + 10);
            slack.push(Math.abs(g) * 8 * U * (spread + tr[j]!));
          }
        }
        return { ...f32([...z!.shape], data), slack };
      },
      tol: COMPOSITE,
    }),
  ];
}
