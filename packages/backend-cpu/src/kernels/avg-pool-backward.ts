import type { AvgPoolBackwardAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { avgDivisor } from '../internal/pool';
import { forEachWindow } from '../internal/window';

/** Gradient of avgPool: each window's `dy`, divided as avgPool divided, spread over its unpadded cells. */
export const avgPoolBackwardKernel = cpuKernel<AvgPoolBackwardAttrs>(
  'avgPoolBackward',
  ({ inputs: [dy], attrs, backend, out }) => {
    const channels = out.shape[3]!;
    const gv = backend.values(dy!);
    const res = backend.make(out.shape, out.dtype);
    const dx = backend.values(res);
    forEachWindow(attrs.inputShape, dy!.shape, attrs.windowSize, attrs, (pixel, cells, _taps, count) => {
      const divisor = avgDivisor(attrs, count);
      for (let c = 0; c < channels; c++) {
        const g = gv[pixel * channels + c]! / divisor;
        for (let i = 0; i < count; i++) dx[cells[i]! + c]! += g;
      }
    });
    return res;
  },
);
