import { cpuFusedKernel } from '../internal/kernel';
import { reluBits, reluLoop } from '../internal/relu-bits';
import { wasmElementwisePath } from '../internal/wasm/wasm-path';
import { wasmReluMask } from '../internal/wasm/wasm-relu';

/**
 * Core's fused `reluGrad`: dy where x > 0 (or NaN), else 0, in one branch-free pass (on the WASM
 * module for float32 tensors past WASM_MIN_WORK elements).
 */
export const reluGradKernel = cpuFusedKernel('reluGrad', ({ inputs: [dy, x], backend, outs }) => {
  const res = backend.makeForOverwrite(outs[0]!.shape, 'float32');
  const [g, v, o] = [backend.values(dy!), backend.values(x!), backend.values(res)];
  if (
    wasmElementwisePath(backend, o.length) &&
    wasmReluMask(v as Float32Array, g as Float32Array, o as Float32Array)
  )
    return [res];
  if (!reluBits(v, g, o, true)) reluLoop(v, g, o);
  return [res];
});
