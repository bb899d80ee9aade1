import type { Pool2DAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { firstMax } from '../internal/pool';
import { forEachWindow } from '../internal/window';

/**
 * Max over each window of an NHWC batch; padding never wins (it is skipped) and NaN propagates.
 * A window of padding only (possible only with hand-made attrs) gives -Infinity, or -2³¹ for int32.
 */
export const maxPoolKernel = cpuKernel<Pool2DAttrs>('maxPool', ({ inputs: [x], attrs, backend, out }) => {
  const channels = x!.shape[3]!;
  const v = backend.values(x!);
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  const lowest = out.dtype === 'int32' ? -2147483648 : Number.NEGATIVE_INFINITY;
  forEachWindow(x!.shape, out.shape, attrs.windowSize, attrs, (pixel, cells, _taps, count) => {
    for (let c = 0; c < channels; c++) {
      const i = firstMax(v, cells, count, c);
      o[pixel * channels + c] = i < 0 ? lowest : v[cells[i]! + c]!;
    }
  });
  return res;
});
