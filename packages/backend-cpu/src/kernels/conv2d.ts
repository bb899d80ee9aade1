import type { Conv2DAttrs } from '@descent/core';
import { sizeOf } from '@descent/core';
import { gemm } from '../internal/gemm';
import { convGeometry, forEachChunk, im2col } from '../internal/im2col';
import { cpuKernel } from '../internal/kernel';
import { convOnWasm } from '../internal/wasm/wasm-conv';
import { wasmPath } from '../internal/wasm/wasm-path';

/**
 * 2-D cross-correlation of an NHWC input with an HWIO filter, as im2col + GEMM: each chunk of
 * output pixels becomes a [pixels, fh·fw·cin] matrix of windows (zeros in the padding), times
 * the filter read as a [fh·fw·cin, cout] matrix. The direct loops live on as the reference
 * kernel (`internal/conv2d-reference.ts`).
 */
export const conv2dKernel = cpuKernel<Conv2DAttrs>('conv2d', ({ inputs: [x, f], attrs, backend, out }) => {
  const [fh, fw, cin, cout] = f!.shape as [number, number, number, number];
  const width = fh * fw * cin;
  const [xv, fv] = [backend.values(x!), backend.values(f!)];
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  const g = convGeometry(x!.shape, out.shape, [fh, fw], attrs);
  if (
    wasmPath(backend, sizeOf(out.shape) * width) &&
    convOnWasm(
      backend.gemmEngine,
      'conv_forward',
      xv as Float32Array,
      fv as Float32Array,
      o as Float32Array,
      g,
      out.shape[0]!,
    )
  )
    return res;
  forEachChunk(g, out.shape[0]!, backend.precision === 'float32', (cols, first, rows) => {
    im2col(xv, g, first, rows, cols);
    const a = { a: cols, ao: 0, ai: width, ap: 1 };
    gemm(
      { m: rows, n: cout, k: width, ...a, b: fv, bo: 0, bp: cout, bj: 1, o, oo: first * cout },
      backend.gemmEngine,
    );
  });
  return res;
});
