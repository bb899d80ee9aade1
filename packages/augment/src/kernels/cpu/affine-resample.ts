import { cpuKernel } from '../../internal/cpu-kernel';
import { Taps } from '../../internal/sampling';
import type { AffineResampleAttrs } from '../../ops/affine-resample';

/**
 * CPU kernel of `affineResample`: coordinates and weights in float64, one pass over the output
 * with channels innermost. Taps of weight 0 are skipped, so integer coordinates copy exactly.
 */
export const affineResampleKernel = cpuKernel<AffineResampleAttrs>(
  'affineResample',
  ({ inputs: [images, matrices], attrs, backend, out }) => {
    const [n, h, w, c] = images!.shape as [number, number, number, number];
    const [, oh, ow] = out.shape as [number, number, number, number];
    const x = backend.values(images!);
    const m = backend.values(matrices!);
    const res = backend.make(out.shape, out.dtype);
    const o = backend.values(res);
    const taps = new Taps(h, w, attrs);
    const fill = attrs.fillValue;
    let at = 0;
    for (let b = 0; b < n; b++) {
      const [a0, a1, a2, a3, a4, a5] = m.subarray(b * 6, b * 6 + 6) as unknown as number[];
      const base = b * h * w * c;
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++, at += c) {
          if (!taps.at(a0! * j + a1! * i + a2!, a3! * j + a4! * i + a5!)) {
            o.fill(Number.NaN, at, at + c);
            continue;
          }
          for (let ch = 0; ch < c; ch++) {
            let acc = 0;
            for (let k = 0; k < taps.count; k++) {
              const wk = taps.weight[k]!;
              if (wk === 0) continue;
              const p = taps.pixel[k]!;
              acc += wk * (p < 0 ? fill : x[base + p * c + ch]!);
            }
            o[at + ch] = acc;
          }
        }
      }
    }
    return res;
  },
);
