import type { AdamUpdateAttrs } from '@descent/core';
import { wasmElementwise } from './wasm-elementwise';

/**
 * Core's `adamUpdate` on the WASM module (wasm/adam.c), float32: inputs `[g, mu, nu, vMax?,
 * param?]`, outputs `[update or new param, mu', nu', vMax'?]`, each read and written where it
 * lives (or through a copy, see `wasmElementwise`). Returns false (nothing done) where the
 * module is unavailable.
 */
export function wasmAdam(
  inputs: readonly Float32Array[],
  outputs: readonly Float32Array[],
  a: AdamUpdateAttrs,
): boolean {
  const amsgrad = a.amsgrad === true;
  const applied = a.applyScale !== undefined;
  return wasmElementwise(inputs, outputs, (mod, ins, outs, n) =>
    mod.adam(
      n,
      ins[0]!,
      ins[1]!,
      ins[2]!,
      amsgrad ? ins[3]! : 0,
      applied ? ins[inputs.length - 1]! : 0,
      outs[0]!,
      outs[1]!,
      outs[2]!,
      amsgrad ? outs[3]! : 0,
      a.beta1,
      1 - a.beta1,
      a.beta2,
      1 - a.beta2,
      1 / a.biasCorrection1,
      1 / a.biasCorrection2Sqrt,
      a.eps,
      a.applyScale ?? 1,
    ),
  );
}
