import type { DenseAttrs } from '@descent/core';
import { gemm } from '../internal/gemm';
import { cpuFusedKernel } from '../internal/kernel';
import { reluBits, reluLoop } from '../internal/relu-bits';
import { wasmBiasAct } from '../internal/wasm/wasm-bias-act';
import { wasmElementwisePath } from '../internal/wasm/wasm-path';
import { wasmReluMask } from '../internal/wasm/wasm-relu';

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
    const wasm = o instanceof Float32Array && wasmElementwisePath(backend, o.length);
    if (bias) {
      const b = backend.values(bias);
      if (wasm && wasmBiasAct(o, b as Float32Array, relu)) return [res];
      for (let i = 0; i < m * n; i += n)
        for (let j = 0; j < n; j++) {
          const v = o[i + j]! + b[j]!;
          // relu's select: NaN stays, -0 and below become +0.
          o[i + j] = relu && v <= 0 ? 0 : v;
        }
    } else if (relu && !(wasm && wasmReluMask(o as Float32Array, o as Float32Array, o as Float32Array))) {
      if (!reluBits(o, o, o, true)) reluLoop(o, o, o);
    }
    return [res];
  },
);
