import type { DenseAttrs } from '@descent/core';
import { gemm } from '../internal/gemm';
import { cpuFusedKernel } from '../internal/kernel';
import { reluMask } from '../internal/relu-mask';
import { wasmBiasAct } from '../internal/wasm/wasm-bias-act';
import { wasmElementwisePath } from '../internal/wasm/wasm-path';

/**
 * Core's fused `dense`: the product on the backend's GEMM engine (as matmul), then the bias and
 * ReLU applied in one pass over the result in place (as add then relu would, so the same
 * rounding), instead of three ops and two temporaries. Float32 tensors past
 * WASM_MIN_RESIDENT_ELEMENTS run the pass on the WASM module.
 */
export const denseKernel = cpuFusedKernel<DenseAttrs>(
  'dense',
  ({ inputs: [x, kernel, bias], attrs, backend, outs }) => {
    const [m, k] = x!.shape as [number, number];
    const n = kernel!.shape[1]!;
    // Zeroed: gemm adds into its output.
    const res = backend.make(outs[0]!.shape, 'float32');
    const o = backend.values(res);
    const [xv, wv] = [backend.values(x!), backend.values(kernel!)];
    gemm(
      { m, n, k, a: xv, ao: 0, ai: k, ap: 1, b: wv, bo: 0, bp: n, bj: 1, o, oo: 0, zero: true },
      backend.gemmEngine,
    );
    const relu = attrs.activation === 'relu';
    if (!bias) {
      if (relu) reluMask(backend, o, o, o, true);
      return [res];
    }
    const b = backend.values(bias);
    if (wasmElementwisePath(backend, o.length) && wasmBiasAct(o as Float32Array, b as Float32Array, relu))
      return [res];
    for (let i = 0; i < m * n; i += n)
      for (let j = 0; j < n; j++) {
        const v = o[i + j]! + b[j]!;
        // relu's select: NaN stays, -0 and below become +0.
        o[i + j] = relu && v <= 0 ? 0 : v;
      }
    return [res];
  },
);
