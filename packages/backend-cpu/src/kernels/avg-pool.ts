import type { Pool2DAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { avgDivisor } from '../internal/pool';
import { forEachWindow } from '../internal/window';

/**
 * Mean over each window of an NHWC batch: the sum of its unpadded cells divided by their
 * number, or by the whole window size with `countIncludePad`.
 */
export const avgPoolKernel = cpuKernel<Pool2DAttrs>('avgPool', ({ inputs: [x], attrs, backend, out }) => {
  const channels = x!.shape[3]!;
  const v = backend.values(x!);
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  forEachWindow(x!.shape, out.shape, attrs.windowSize, attrs, (pixel, cells, _taps, count) => {
    const divisor = avgDivisor(attrs, count);
    for (let c = 0; c < channels; c++) {
      let s = 0;
      for (let i = 0; i < count; i++) s += v[cells[i]! + c]!;
      o[pixel * channels + c] = s / divisor;
    }
  });
  return res;
});
