import type { ReduceAttrs, TypedArray } from '@descent/core';
import type { CpuBackend } from '../cpu-backend';
import { cpuKernel } from '../internal/kernel';
import { reductionRows } from '../internal/reduce';
import { wasmElementwisePath } from '../internal/wasm/wasm-path';
import { wasmSumBlocks } from '../internal/wasm/wasm-sum';

/** Sum over axes: float32 accumulates in float64; int32 wraps like C. Empty sums are 0. */
export const sumKernel = cpuKernel<ReduceAttrs>('sum', ({ inputs: [x], attrs, backend, out }) => {
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  const int = x!.dtype === 'int32';
  const { axes } = attrs;
  const shape = x!.shape;
  if (axes.length > 0 && axes.length < shape.length && axes.every((a, i) => a === i)) {
    // Leading axes (a bias gradient: sum over batch and pixels): add whole rows into the output
    // instead of transposing the input first.
    sumLeading(backend.values(x!), o.length, o, int, backend);
    return res;
  }
  const [rows, len] = reductionRows(backend.values(x!), shape, axes);
  for (let r = 0, base = 0; r < o.length; r++, base += len) {
    let acc = 0;
    if (int) for (let j = 0; j < len; j++) acc = (acc + rows[base + j]!) | 0;
    else for (let j = 0; j < len; j++) acc += rows[base + j]!;
    o[r] = acc;
  }
  return res;
});

function sumLeading(v: TypedArray, inner: number, o: TypedArray, int: boolean, backend: CpuBackend): void {
  if (int) {
    for (let i = 0; i < v.length; i += inner) for (let j = 0; j < inner; j++) o[j] = (o[j]! + v[i + j]!) | 0;
    return;
  }
  // Float64 sums over rows taken a block of whole rows (about 2048 values, a multiple of four
  // for the WASM lanes) at a time: one long inner loop instead of a loop of `inner` per row
  // (8 channels: 36,864 short loops), then the block's row sums folded. The WASM module sums
  // the blocks in the same order, so both give the same bits.
  // No more rows than there are, rounded up to four (a [64, 10] bias gradient sums 64, not 204).
  const rows = 4 * Math.max(1, Math.min(Math.floor(512 / inner), Math.ceil(v.length / inner / 4)));
  const block = rows * inner;
  const acc =
    (wasmElementwisePath(backend, v.length) && wasmSumBlocks(v as Float32Array, block)) ||
    jsSumBlocks(v, block);
  for (let j = 0; j < inner; j++) {
    let t = 0;
    for (let r = 0; r < rows; r++) t += acc[r * inner + j]!;
    o[j] = t;
  }
}

/** acc[k] = Σ over blocks of x[i + k], in double. */
function jsSumBlocks(v: TypedArray, block: number): Float64Array {
  const acc = new Float64Array(block);
  let i = 0;
  for (; i + block <= v.length; i += block) for (let k = 0; k < block; k++) acc[k]! += v[i + k]!;
  for (let k = 0; i + k < v.length; k++) acc[k]! += v[i + k]!;
  return acc;
}
