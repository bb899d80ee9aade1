import { place, wasmMemory } from './wasm-memory';

/**
 * `acc[k] = Σ over blocks of x[i + k]` in double on the WASM module (wasm/elementwise.c's
 * sum_blocks), `block` a multiple of four (so x is whole vectors); null where the module is
 * unavailable.
 */
export function wasmSumBlocks(x: Float32Array, block: number): Float64Array | null {
  const w = wasmMemory();
  // The accumulators: two floats each, 16-byte aligned.
  const p = w && place(w, [x], [], { extra: [2 * block] });
  if (!p) return null;
  const acc = p.extra[0]!;
  w.mod.fill_zero(acc, 2 * block);
  w.mod.sum_blocks(x.length, p.ins[0]!, block, acc);
  const out = new Float64Array(block);
  out.set(new Float64Array(w.floats().buffer, acc, block));
  return out;
}
