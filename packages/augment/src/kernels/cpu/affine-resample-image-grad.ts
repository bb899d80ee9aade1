import { cpuKernel } from '../../internal/cpu-kernel';
import { Taps } from '../../internal/sampling';
import type { AffineResampleImageGradAttrs } from '../../ops/affine-resample-image-grad';

/** CPU kernel of `affineResampleImageGrad`: scatters each output pixel's dy to its taps. */
export const affineResampleImageGradKernel = cpuKernel<AffineResampleImageGradAttrs>(
  'affineResampleImageGrad',
  ({ inputs: [dy, matrices], attrs, backend, out }) => {
    const [n, oh, ow, c] = dy!.shape as [number, number, number, number];
    const [h, w] = attrs.inputShape;
    const g = backend.values(dy!);
    const m = backend.values(matrices!);
    // Accumulate in float64 whatever the backend's precision.
    const acc = new Float64Array(n * h * w * c);
    const taps = new Taps(h, w, attrs);
    let at = 0;
    for (let b = 0; b < n; b++) {
      const [a0, a1, a2, a3, a4, a5] = m.subarray(b * 6, b * 6 + 6) as unknown as number[];
      const base = b * h * w * c;
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++, at += c) {
          if (!taps.at(a0! * j + a1! * i + a2!, a3! * j + a4! * i + a5!)) continue;
          for (let k = 0; k < taps.count; k++) {
            const p = taps.pixel[k]!;
            const wk = taps.weight[k]!;
            if (p < 0 || wk === 0) continue;
            const to = base + p * c;
            for (let ch = 0; ch < c; ch++) acc[to + ch]! += wk * g[at + ch]!;
          }
        }
      }
    }
    const res = backend.make(out.shape, out.dtype);
    backend.values(res).set(acc);
    return res;
  },
);
