import type { Conv2DAttrs } from '@descent/core';
import { cpuKernel } from './kernel';
import { forEachWindow } from './window';

/**
 * The reference kernel (`cpuReferenceKernels`): direct loops over each window, kept to test the
 * im2col + GEMM kernel against.
 *
 * 2-D cross-correlation of an NHWC input with an HWIO filter. Each output pixel accumulates
 * in float64 over its window, reading input channels and filter rows contiguously.
 */
export const conv2dReferenceKernel = cpuKernel<Conv2DAttrs>(
  'conv2d',
  ({ inputs: [x, f], attrs, backend, out }) => {
    const [fh, fw, cin, cout] = f!.shape as [number, number, number, number];
    const [xv, fv] = [backend.values(x!), backend.values(f!)];
    const res = backend.make(out.shape, out.dtype);
    const o = backend.values(res);
    const acc = new Float64Array(cout);
    forEachWindow(x!.shape, out.shape, [fh, fw], attrs, (pixel, cells, taps, count) => {
      acc.fill(0);
      for (let i = 0; i < count; i++) {
        const from = cells[i]!;
        const tap = taps[i]! * cin * cout;
        for (let c = 0; c < cin; c++) {
          const v = xv[from + c]!;
          const row = tap + c * cout;
          for (let d = 0; d < cout; d++) acc[d]! += v * fv[row + d]!;
        }
      }
      o.set(acc, pixel * cout);
    });
    return res;
  },
);
