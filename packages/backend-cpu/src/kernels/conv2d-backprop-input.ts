import type { Conv2DBackpropInputAttrs } from '@descent/core';
import { sizeOf } from '@descent/core';
import { gemm } from '../internal/gemm';
import { col2im, convGeometry, forEachChunk } from '../internal/im2col';
import { cpuKernel } from '../internal/kernel';
import { convOnWasm } from '../internal/wasm/wasm-conv';
import { wasmPath } from '../internal/wasm/wasm-path';

/**
 * Gradient of conv2d with respect to its input: per chunk of output pixels, dy · filterᵀ gives
 * each window's gradient as a [pixels, fh·fw·cin] matrix (GEMM with B transposed), added back
 * onto the input pixels the windows read (col2im).
 */
export const conv2dBackpropInputKernel = cpuKernel<Conv2DBackpropInputAttrs>(
  'conv2dBackpropInput',
  ({ inputs: [dy, f], attrs, backend, out }) => {
    const [fh, fw, cin, cout] = f!.shape as [number, number, number, number];
    const width = fh * fw * cin;
    const [gv, fv] = [backend.values(dy!), backend.values(f!)];
    const res = backend.make(out.shape, out.dtype);
    const dx = backend.values(res);
    const g = convGeometry(attrs.inputShape, dy!.shape, [fh, fw], attrs);
    if (
      wasmPath(backend, sizeOf(dy!.shape) * width) &&
      convOnWasm(
        backend.gemmEngine,
        'conv_input_grad',
        gv as Float32Array,
        fv as Float32Array,
        dx as Float32Array,
        g,
        dy!.shape[0]!,
      )
    )
      return res;
    forEachChunk(g, dy!.shape[0]!, backend.precision === 'float32', (cols, first, rows) => {
      cols.fill(0, 0, rows * width);
      const a = { a: gv, ao: first * cout, ai: cout, ap: 1 };
      gemm(
        { m: rows, n: width, k: cout, ...a, b: fv, bo: 0, bp: 1, bj: cout, o: cols, oo: 0 },
        backend.gemmEngine,
      );
      col2im(cols, g, first, rows, dx);
    });
    return res;
  },
);
