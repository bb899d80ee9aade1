import { align4, type GemmExports, reserve, wasmGemmModule } from './wasm-gemm';

/**
 * Runs an elementwise function of the WASM module over float32 arrays of one length: copies
 * `inputs` into regions of the module's memory (16-byte aligned, each padded to whole vectors of
 * four, which the C loops rely on), calls `run` with the module, the byte offset of each region
 * and the padded length, then copies region `from` into each output. The C functions work in
 * place. Returns false (nothing done) where the module is unavailable.
 */
export function wasmElementwise(
  inputs: readonly Float32Array[],
  run: (mod: GemmExports, at: number[], n: number) => void,
  outputs: readonly (readonly [out: Float32Array, from: number])[],
): boolean {
  const mod = wasmGemmModule();
  if (!mod) return false;
  const n = align4(inputs[0]!.length);
  const at = reserve(
    mod.memory,
    align4((mod.__heap_base.value as number) >>> 2),
    inputs.map(() => n),
  );
  const f32 = new Float32Array(mod.memory.buffer);
  for (const [i, x] of inputs.entries()) f32.set(x, at[i]!);
  run(
    mod,
    at.map((o) => o * 4),
    n,
  );
  for (const [out, from] of outputs) out.set(f32.subarray(at[from]!, at[from]! + out.length));
  return true;
}
