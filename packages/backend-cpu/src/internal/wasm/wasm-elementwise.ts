import { align4, type GemmExports, heapStart, reserve, wasmGemmModule } from './wasm-gemm';

/**
 * Runs an elementwise function of the WASM module over float32 arrays: copies `inputs` into
 * regions of the module's memory (16-byte aligned, each padded with zeros to whole vectors of
 * four, which the C loops rely on), calls `run` with the module, the byte offset of each region
 * and the first input's padded length, then copies region `from` into each output. The C
 * functions work in place. Returns false (nothing done) where the module is unavailable.
 */
export function wasmElementwise(
  inputs: readonly Float32Array[],
  run: (mod: GemmExports, at: number[], n: number) => void,
  outputs: readonly (readonly [out: Float32Array, from: number])[],
): boolean {
  const mod = wasmGemmModule();
  if (!mod) return false;
  const at = reserve(
    mod.memory,
    heapStart(mod),
    inputs.map((x) => align4(x.length)),
  );
  const f32 = new Float32Array(mod.memory.buffer);
  for (const [i, x] of inputs.entries()) {
    f32.set(x, at[i]!);
    f32.fill(0, at[i]! + x.length, at[i]! + align4(x.length));
  }
  const n = align4(inputs[0]!.length);
  run(
    mod,
    at.map((o) => o * 4),
    n,
  );
  for (const [out, from] of outputs) out.set(f32.subarray(at[from]!, at[from]! + out.length));
  return true;
}
