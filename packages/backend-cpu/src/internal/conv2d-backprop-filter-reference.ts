import type { Conv2DBackpropFilterAttrs } from '@descent/core';
import { cpuKernel } from './kernel';
import { forEachWindow } from './window';

/**
 * The reference kernel (`cpuReferenceKernels`): direct loops over each window, kept to test the
 * im2col + GEMM kernel against.
 *
 * Gradient of conv2d with respect to its filter: the sum over every output pixel of its `dy`
 * times the input under each filter tap, accumulated in float64 (sums run over the whole batch).
 */
export const conv2dBackpropFilterReferenceKernel = cpuKernel<Conv2DBackpropFilterAttrs>(
  'conv2dBackpropFilter',
  ({ inputs: [x, dy], attrs, backend, out }) => {
    const [fh, fw, cin, cout] = attrs.filterShape as [number, number, number, number];
    const [xv, gv] = [backend.values(x!), backend.values(dy!)];
    const acc = new Float64Array(fh * fw * cin * cout);
    forEachWindow(x!.shape, dy!.shape, [fh, fw], attrs, (pixel, cells, taps, count) => {
      const g = pixel * cout;
      for (let i = 0; i < count; i++) {
        const from = cells[i]!;
        const tap = taps[i]! * cin * cout;
        for (let c = 0; c < cin; c++) {
          const v = xv[from + c]!;
          const row = tap + c * cout;
          for (let d = 0; d < cout; d++) acc[row + d]! += v * gv[g + d]!;
        }
      }
    });
    const result = backend.allocate(out.dtype, acc.length);
    result.set(acc);
    return backend.make(out.shape, out.dtype, result);
  },
);
