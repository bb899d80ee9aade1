import type { AdamUpdateAttrs } from '@descent/core';
import { cpuFusedKernel } from '../internal/kernel';
import { wasmAdam } from '../internal/wasm/wasm-adam';
import { wasmElementwisePath } from '../internal/wasm/wasm-path';

/**
 * Core's fused `adamUpdate` in one loop: reads g, mu, nu (and vMax, and the parameter when
 * applied) once and writes the update or new parameter and the new moments, instead of about
 * fifteen elementwise passes and their temporaries. Float32 tensors past WASM_MIN_WORK elements
 * run on the WASM module, four lanes at a time; this loop (in double) is the reference and the
 * fallback.
 */
export const adamUpdateKernel = cpuFusedKernel<AdamUpdateAttrs>(
  'adamUpdate',
  ({ inputs, attrs, backend, outs }) => {
    const ins = inputs.map((x) => backend.values(x));
    const made = outs.map((o) => backend.makeForOverwrite(o.shape, o.dtype));
    const outv = made.map((h) => backend.values(h));
    const n = outv[0]!.length;
    if (wasmElementwisePath(backend, n) && wasmAdam(ins as Float32Array[], outv as Float32Array[], attrs))
      return made;
    const [g, mu, nu] = ins;
    const vMax = attrs.amsgrad ? ins[3] : undefined;
    const p = attrs.applyScale === undefined ? undefined : ins.at(-1);
    const scale = attrs.applyScale ?? 1;
    const [uo, mo, no, vo] = outv;
    const { beta1, beta2, eps, biasCorrection1: bc1, biasCorrection2Sqrt: bc2 } = attrs;
    const c1 = 1 - beta1;
    const c2 = 1 - beta2;
    // Multiplying by reciprocals and one pass over the data halve the time of divisions and two loops.
    const ibc1 = 1 / bc1;
    const ibc2 = 1 / bc2;
    for (let i = 0; i < n; i++) {
      const gi = g![i]!;
      const m = beta1 * mu![i]! + c1 * gi;
      const nv = beta2 * nu![i]! + c2 * (gi * gi);
      mo![i] = m;
      no![i] = nv;
      let v = nv;
      if (vo) {
        v = Math.max(vMax![i]!, nv);
        vo[i] = v;
      }
      const u = (m * ibc1) / (Math.sqrt(v) * ibc2 + eps);
      uo![i] = p ? p[i]! + u * scale : u;
    }
    return made;
  },
);
