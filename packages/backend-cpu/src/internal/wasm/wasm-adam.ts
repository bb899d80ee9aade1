import type { AdamUpdateAttrs } from '@descent/core';
import { align4, reserve, wasmGemmModule } from './wasm-gemm';

/**
 * Core's `adamUpdate` on the WASM module (wasm/adam.c), float32: copies the inputs in
 * (`[g, mu, nu, vMax?, param?]`), updates the moments in place and writes the update (or, with
 * `applyScale`, the new parameter), then copies each output out. Returns false (nothing done)
 * where the module is unavailable, so the caller runs the JS kernel.
 */
export function wasmAdam(
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  a: AdamUpdateAttrs,
): boolean {
  const mod = wasmGemmModule();
  if (!mod) return false;
  const n = inputs[0]!.length;
  // Whole vectors of four: each region is padded to the next 16 bytes (see adam.c).
  const at = reserve(
    mod.memory,
    align4((mod.__heap_base.value as number) >>> 2),
    inputs.map(() => align4(n)),
  );
  const f32 = new Float32Array(mod.memory.buffer);
  inputs.forEach((x, i) => f32.set(x, at[i]!));
  const [g, mu, nu] = at as [number, number, number];
  const vMax = a.amsgrad ? at[3]! : 0;
  const p = a.applyScale === undefined ? 0 : at.at(-1)!;
  mod.adam(
    align4(n),
    g * 4,
    mu * 4,
    nu * 4,
    vMax * 4,
    p * 4,
    a.beta1,
    1 - a.beta1,
    a.beta2,
    1 - a.beta2,
    1 / a.biasCorrection1,
    1 / a.biasCorrection2Sqrt,
    a.eps,
    a.applyScale ?? 1,
  );
  // Outputs: the update (in g's region) or the parameter, then mu', nu' and vMax'.
  [p || g, mu, nu, ...(a.amsgrad ? [vMax] : [])].forEach((o, i) => outputs[i]!.set(f32.subarray(o, o + n)));
  return true;
}
