import type { Pool2DAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { maxPoolBackwardInto } from '../internal/max-pool-fast';
import { wasmPath } from '../internal/wasm/wasm-path';
import { wasmMaxPoolBackward } from '../internal/wasm/wasm-pool';

/**
 * Gradient of maxPool: each window's `dy` goes to the first maximal input of the window in
 * row-major window order (NaN counting as maximal); overlapping windows accumulate. Float32
 * inputs past WASM_MIN_WORK elements with channels a multiple of 4 run on the WASM module, with
 * the same sums in the same order.
 */
export const maxPoolBackwardKernel = cpuKernel<Pool2DAttrs>(
  'maxPoolBackward',
  ({ inputs: [dy, x], attrs, backend, out }) => {
    const [v, gv] = [backend.values(x!), backend.values(dy!)];
    if (out.dtype === 'float32' && wasmPath(backend, v.length)) {
      // The module writes all of dx (zeros first), so it needs no zero-filled array.
      const res = backend.makeForOverwrite(out.shape, out.dtype);
      const dx = backend.values(res) as Float32Array;
      if (wasmMaxPoolBackward(v as Float32Array, x!.shape, dy!.shape, attrs, gv as Float32Array, dx))
        return res;
      // Module unavailable or channels not a multiple of 4: the JS kernel adds into zeros.
      maxPoolBackwardInto(v, x!.shape, dy!.shape, attrs, gv, dx.fill(0));
      return res;
    }
    const res = backend.make(out.shape, out.dtype);
    maxPoolBackwardInto(v, x!.shape, dy!.shape, attrs, gv, backend.values(res));
    return res;
  },
);
