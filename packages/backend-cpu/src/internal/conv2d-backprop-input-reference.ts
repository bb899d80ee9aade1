import type { Conv2DBackpropInputAttrs } from '@descent/core';
import { cpuKernel } from './kernel';
import { forEachWindow } from './window';

/**
 * The reference kernel (`cpuReferenceKernels`): direct loops over each window, kept to test the
 * im2col + GEMM kernel against.
 *
 * Gradient of conv2d with respect to its input: every output pixel's `dy` flows back through
 * the filter to each input pixel of its window (a transposed convolution, scattered).
 */
export const conv2dBackpropInputReferenceKernel = cpuKernel<Conv2DBackpropInputAttrs>(
  'conv2dBackpropInput',
  ({ inputs: [dy, f], attrs, backend, out }) => {
    const [fh, fw, cin, cout] = f!.shape as [number, number, number, number];
    const [gv, fv] = [backend.values(dy!), backend.values(f!)];
    const res = backend.make(out.shape, out.dtype);
    const dx = backend.values(res);
    forEachWindow(attrs.inputShape, dy!.shape, [fh, fw], attrs, (pixel, cells, taps, count) => {
      const g = pixel * cout;
      for (let i = 0; i < count; i++) {
        const to = cells[i]!;
        const tap = taps[i]! * cin * cout;
        for (let c = 0; c < cin; c++) {
          const row = tap + c * cout;
          let s = 0;
          for (let d = 0; d < cout; d++) s += gv[g + d]! * fv[row + d]!;
          dx[to + c]! += s;
        }
      }
    });
    return res;
  },
);
