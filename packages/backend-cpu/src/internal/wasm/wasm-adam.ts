import type { AdamUpdateAttrs } from '@descent/core';
import { wasmElementwise } from './wasm-elementwise';

/**
 * Core's `adamUpdate` on the WASM module (wasm/adam.c), float32: copies the inputs in
 * (`[g, mu, nu, vMax?, param?]`), updates the moments in place and writes the update (into g's
 * region) or, with `applyScale`, the new parameter (into the parameter's), then copies each
 * output out. Returns false (nothing done) where the module is unavailable.
 */
export function wasmAdam(
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  a: AdamUpdateAttrs,
): boolean {
  const vMax = a.amsgrad ? 3 : -1;
  const param = a.applyScale === undefined ? -1 : inputs.length - 1;
  const regions = [Math.max(param, 0), 1, 2, ...(vMax < 0 ? [] : [vMax])];
  return wasmElementwise(
    inputs,
    (mod, at, n) =>
      mod.adam(
        n,
        at[0]!,
        at[1]!,
        at[2]!,
        vMax < 0 ? 0 : at[vMax]!,
        param < 0 ? 0 : at[param]!,
        a.beta1,
        1 - a.beta1,
        a.beta2,
        1 - a.beta2,
        1 / a.biasCorrection1,
        1 / a.biasCorrection2Sqrt,
        a.eps,
        a.applyScale ?? 1,
      ),
    outputs.map((o, i) => [o, regions[i]!] as const),
  );
}
