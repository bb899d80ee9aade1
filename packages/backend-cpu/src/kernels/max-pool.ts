import type { Pool2DAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { maxPoolInto } from '../internal/max-pool-fast';
import { wasmPath } from '../internal/wasm/wasm-path';
import { wasmMaxPool } from '../internal/wasm/wasm-pool';

/**
 * Max over each window of an NHWC batch; padding never wins (it is skipped) and NaN propagates.
 * A window of padding only (possible only with hand-made attrs) gives -Infinity, or -2³¹ for int32.
 * Float32 inputs past WASM_MIN_WORK elements with channels a multiple of 4 run on the WASM
 * module, four channels at a time, with the same results.
 */
export const maxPoolKernel = cpuKernel<Pool2DAttrs>('maxPool', ({ inputs: [x], attrs, backend, out }) => {
  const res = backend.makeForOverwrite(out.shape, out.dtype);
  const [v, o] = [backend.values(x!), backend.values(res)];
  if (
    out.dtype === 'float32' &&
    wasmPath(backend, v.length) &&
    wasmMaxPool(v as Float32Array, x!.shape, out.shape, attrs, o as Float32Array)
  )
    return res;
  const lowest = out.dtype === 'int32' ? -2147483648 : Number.NEGATIVE_INFINITY;
  maxPoolInto(v, x!.shape, out.shape, attrs, o, lowest);
  return res;
});
