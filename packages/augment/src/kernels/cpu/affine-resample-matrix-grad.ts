import { cpuKernel } from '../../internal/cpu-kernel';
import { Taps } from '../../internal/sampling';
import type { AffineResampleAttrs } from '../../ops/affine-resample';

/**
 * CPU kernel of `affineResampleMatrixGrad`: per output pixel, the bilinear sample's slopes
 * along u and v (from the 4 taps, fill included) dotted with dy, times (x, y, 1).
 */
export const affineResampleMatrixGradKernel = cpuKernel<AffineResampleAttrs>(
  'affineResampleMatrixGrad',
  ({ inputs: [images, matrices, dy], attrs, backend, out }) => {
    const [n, h, w, c] = images!.shape as [number, number, number, number];
    const [oh, ow] = attrs.outputShape;
    const res = backend.make(out.shape, out.dtype);
    // Nearest sampling is piecewise constant: zero gradient.
    if (attrs.interpolation === 'nearest') return res;
    const x = backend.values(images!);
    const m = backend.values(matrices!);
    const g = backend.values(dy!);
    const o = backend.values(res);
    const taps = new Taps(h, w, attrs);
    const fill = attrs.fillValue;
    const tap = (base: number, k: number, ch: number) => {
      const p = taps.pixel[k]!;
      return p < 0 ? fill : x[base + p * c + ch]!;
    };
    let at = 0;
    for (let b = 0; b < n; b++) {
      const [a0, a1, a2, a3, a4, a5] = m.subarray(b * 6, b * 6 + 6) as unknown as number[];
      const base = b * h * w * c;
      const sum = [0, 0, 0, 0, 0, 0];
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++, at += c) {
          if (!taps.at(a0! * j + a1! * i + a2!, a3! * j + a4! * i + a5!)) {
            sum.fill(Number.NaN);
            continue;
          }
          const { fu, fv } = taps;
          let gu = 0;
          let gv = 0;
          for (let ch = 0; ch < c; ch++) {
            const [v00, v10, v01, v11] = [
              tap(base, 0, ch),
              tap(base, 1, ch),
              tap(base, 2, ch),
              tap(base, 3, ch),
            ];
            const d = g[at + ch]!;
            gu += d * ((1 - fv) * (v10 - v00) + fv * (v11 - v01));
            gv += d * ((1 - fu) * (v01 - v00) + fu * (v11 - v10));
          }
          sum[0]! += gu * j;
          sum[1]! += gu * i;
          sum[2]! += gu;
          sum[3]! += gv * j;
          sum[4]! += gv * i;
          sum[5]! += gv;
        }
      }
      o.set(sum, b * 6);
    }
    return res;
  },
);
