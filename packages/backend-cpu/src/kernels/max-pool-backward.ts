import type { Pool2DAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { firstMax } from '../internal/pool';
import { forEachWindow } from '../internal/window';

/**
 * Gradient of maxPool: each window's `dy` goes to the first maximal input of the window in
 * row-major window order (NaN counting as maximal); overlapping windows accumulate.
 */
export const maxPoolBackwardKernel = cpuKernel<Pool2DAttrs>(
  'maxPoolBackward',
  ({ inputs: [dy, x], attrs, backend, out }) => {
    const channels = x!.shape[3]!;
    const [gv, v] = [backend.values(dy!), backend.values(x!)];
    const res = backend.make(out.shape, out.dtype);
    const dx = backend.values(res);
    forEachWindow(x!.shape, dy!.shape, attrs.windowSize, attrs, (pixel, cells, _taps, count) => {
      for (let c = 0; c < channels; c++) {
        const i = firstMax(v, cells, count, c);
        if (i >= 0) dx[cells[i]! + c]! += gv[pixel * channels + c]!;
      }
    });
    return res;
  },
);
