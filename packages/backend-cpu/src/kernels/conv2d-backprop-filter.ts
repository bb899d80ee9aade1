import type { Conv2DBackpropFilterAttrs } from '@descent/core';
import { sizeOf } from '@descent/core';
import { gemm } from '../internal/gemm';
import { convGeometry, forEachChunk, im2col } from '../internal/im2col';
import { cpuKernel } from '../internal/kernel';
import { convOnWasm } from '../internal/wasm/wasm-conv';
import { wasmPath } from '../internal/wasm/wasm-path';

/**
 * Gradient of conv2d with respect to its filter: colsᵀ · dy summed over chunks of output pixels
 * (im2col as in conv2d, GEMM with A transposed), accumulated over the whole batch.
 */
export const conv2dBackpropFilterKernel = cpuKernel<Conv2DBackpropFilterAttrs>(
  'conv2dBackpropFilter',
  ({ inputs: [x, dy], attrs, backend, out }) => {
    const [fh, fw, , cout] = attrs.filterShape as [number, number, number, number];
    const g = convGeometry(x!.shape, dy!.shape, [fh, fw], attrs);
    const width = fh * fw * g.cin;
    const [xv, gv] = [backend.values(x!), backend.values(dy!)];
    if (wasmPath(backend, sizeOf(dy!.shape) * width)) {
      const df = backend.allocate(out.dtype, width * cout) as Float32Array;
      if (
        convOnWasm(
          backend.gemmEngine,
          'conv_filter_grad',
          xv as Float32Array,
          gv as Float32Array,
          df,
          g,
          dy!.shape[0]!,
        )
      )
        return backend.make(out.shape, out.dtype, df);
    }
    // Summed over the whole batch: in float32 on the WASM GEMM (as TF.js and PyTorch do), else float64.
    const float32 = backend.precision === 'float32';
    const acc =
      float32 && backend.gemmEngine !== 'js'
        ? new Float32Array(width * cout)
        : new Float64Array(width * cout);
    forEachChunk(g, dy!.shape[0]!, float32, (cols, first, rows) => {
      im2col(xv, g, first, rows, cols);
      const a = { a: cols, ao: 0, ai: 1, ap: width };
      gemm(
        { m: width, n: cout, k: rows, ...a, b: gv, bo: first * cout, bp: cout, bj: 1, o: acc, oo: 0 },
        backend.gemmEngine,
      );
    });
    const result = backend.allocate(out.dtype, acc.length);
    result.set(acc);
    return backend.make(out.shape, out.dtype, result);
  },
);
