import { align4, heapStart, reserve, wasmGemmModule } from './wasm-gemm';

/**
 * `acc[k] = Σ over blocks of x[i + k]` in double on the WASM module (wasm/elementwise.c's
 * sum_blocks), `block` a multiple of four; null where the module is unavailable.
 */
export function wasmSumBlocks(x: Float32Array, block: number): Float64Array | null {
  const mod = wasmGemmModule();
  if (!mod) return null;
  const n = align4(x.length);
  // x zero-padded to whole vectors, then the accumulators (two floats each, 16-byte aligned).
  const [px, pacc] = reserve(mod.memory, heapStart(mod), [n, 2 * block]) as [number, number];
  const f32 = new Float32Array(mod.memory.buffer);
  f32.set(x, px);
  f32.fill(0, px + x.length, px + n);
  const acc = new Float64Array(mod.memory.buffer, pacc * 4, block);
  acc.fill(0);
  mod.sum_blocks(n, px * 4, block, pacc * 4);
  return acc.slice();
}
