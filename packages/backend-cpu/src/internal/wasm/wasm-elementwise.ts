import { align4, type GemmExports } from './wasm-gemm';
import { place, wasmMemory } from './wasm-memory';

/**
 * Runs an elementwise function of the WASM module over float32 arrays: `run` gets the module,
 * the byte offsets of `inputs` and `outputs` (resident arrays where they are, others copied
 * into 16-byte aligned scratch regions, inputs zero-padded to whole vectors of four, which the C
 * loops run over) and the first input's padded length; staged outputs are copied back after.
 * Returns false (nothing done) where the module is unavailable.
 */
export function wasmElementwise(
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  run: (mod: GemmExports, ins: readonly number[], outs: readonly number[], n: number) => void,
): boolean {
  const w = wasmMemory();
  const p = w && place(w, inputs, outputs, { wholeVectors: true });
  if (!p) return false;
  run(w.mod, p.ins, p.outs, align4(inputs[0]!.length));
  p.done();
  return true;
}
