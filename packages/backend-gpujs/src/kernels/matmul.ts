import { broadcastStrides, type MatMulAttrs } from '@descent/core';
import { dot, Emitter, num, unravel } from '../internal/codegen';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { at, float, int, load, outputElement } from '../internal/values';

/**
 * Batched matrix product over the last two axes, batch axes broadcast; transposes are strides.
 * Each output element is one dot product accumulated in float32 in order of the inner index,
 * as the CPU backend does for a non-transposed B. int32 is exact and wraps like C.
 */
export const matmulKernel = gpujsKernel<MatMulAttrs>('matmul', ({ inputs: [a, b], attrs, backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const ra = a!.shape.length;
  const rank = out.shape.length;
  const [m, n] = [out.shape[rank - 2]!, out.shape[rank - 1]!];
  const k = attrs.transposeA ? a!.shape[ra - 2]! : a!.shape[ra - 1]!;
  const int32 = out.dtype === 'int32';
  const e = new Emitter();
  const { index, ret } = outputElement(e, out.dtype);
  if (k === 0) {
    ret(int32 ? int(I.constant(0)) : float('0.0'));
    return backend.run({ body: e.toString() }, out.shape, out.dtype);
  }
  const batch = out.shape.slice(0, -2);
  const idx = unravel(e, index, out.shape);
  const [i, j] = [idx[rank - 2]!, idx[rank - 1]!];
  const bIdx = idx.slice(0, -2);
  const aBatch = broadcastStrides(a!.shape.slice(0, -2), batch).map((s) => s * m * k);
  const bBatch = broadcastStrides(b!.shape.slice(0, -2), batch).map((s) => s * k * n);
  // Strides of A along its rows (i) and the inner index (p), of B along p and its columns (j).
  const [ai, ap] = attrs.transposeA ? [1, m] : [k, 1];
  const [bp, bj] = attrs.transposeB ? [1, k] : [n, 1];
  const aBase = e.let(dot([...bIdx, i], [...aBatch, ai]));
  const bBase = e.let(dot([...bIdx, j], [...bBatch, bj]));
  const p = e.fresh();
  const term = (base: string, stride: number) => `${base} + ${stride === 1 ? p : `${p} * ${num(stride)}`}`;
  if (int32) {
    const acc = { hi: e.let('0.0'), lo: e.let('0.0') };
    e.line(`for (let ${p} = 0; ${p} < ${k}; ${p}++) {`);
    const x = load(e, 'x0', 'int32', term(aBase, ap)).i!;
    const y = load(e, 'x1', 'int32', term(bBase, bp)).i!;
    const s = I.add(e, acc, I.mul(e, x, y));
    e.line(`${acc.hi} = ${s.hi}; ${acc.lo} = ${s.lo};`);
    e.line('}');
    ret(int(acc));
  } else {
    const acc = e.let('0.0');
    e.line(`for (let ${p} = 0; ${p} < ${k}; ${p}++) {`);
    const [x, y] = [at(e, 'x0', term(aBase, ap)), at(e, 'x1', term(bBase, bp))];
    e.line(`${acc} = ${acc} + ${x} * ${y};`);
    e.line('}');
    ret(float(acc));
  }
  return backend.run({ body: e.toString(), inputs: [a!, b!] }, out.shape, out.dtype);
});
