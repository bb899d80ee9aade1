import type { AdamUpdateAttrs } from '@descent/core';
import { cpuFusedKernel } from '../internal/kernel';

/**
 * Core's fused `adamUpdate` in one loop: reads g, mu, nu (and vMax) once and writes the update
 * and the new moments, instead of about fifteen elementwise passes and their temporaries.
 */
export const adamUpdateKernel = cpuFusedKernel<AdamUpdateAttrs>(
  'adamUpdate',
  ({ inputs, attrs, backend, outs }) => {
    const [g, mu, nu, vMax] = inputs.map((x) => backend.values(x));
    const made = outs.map((o) => backend.makeForOverwrite(o.shape, o.dtype));
    const [uo, mo, no, vo] = made.map((h) => backend.values(h));
    const { beta1, beta2, eps, biasCorrection1: bc1, biasCorrection2Sqrt: bc2 } = attrs;
    const c1 = 1 - beta1;
    const c2 = 1 - beta2;
    const n = uo!.length;
    for (let i = 0; i < n; i++) {
      const gi = g![i]!;
      mo![i] = beta1 * mu![i]! + c1 * gi;
      no![i] = beta2 * nu![i]! + c2 * (gi * gi);
    }
    // The update reads the stored (rounded) moments, as the composite does.
    if (vo) {
      for (let i = 0; i < n; i++) {
        vo[i] = Math.max(vMax![i]!, no![i]!);
        uo![i] = mo![i]! / bc1 / (Math.sqrt(vo[i]!) / bc2 + eps);
      }
    } else {
      for (let i = 0; i < n; i++) uo![i] = mo![i]! / bc1 / (Math.sqrt(no![i]!) / bc2 + eps);
    }
    return made;
  },
);
