import { cpuFusedKernel } from '../internal/kernel';
import { reluBits, reluLoop } from '../internal/relu-bits';
import { wasmElementwisePath } from '../internal/wasm/wasm-path';
import { wasmReluMask } from '../internal/wasm/wasm-relu';

/**
 * Core's fused `relu` in one pass without a branch per element: the composite's compare and
 * select (and its bool mask) become one masked copy of bit patterns; float32 tensors past
 * WASM_MIN_WORK elements run on the WASM module, four lanes at a time.
 */
export const reluKernel = cpuFusedKernel('relu', ({ inputs: [x], backend, outs }) => {
  const res = backend.makeForOverwrite(outs[0]!.shape, outs[0]!.dtype);
  const [v, o] = [backend.values(x!), backend.values(res)];
  const float = x!.dtype === 'float32';
  if (
    float &&
    wasmElementwisePath(backend, o.length) &&
    wasmReluMask(v as Float32Array, v as Float32Array, o as Float32Array)
  )
    return [res];
  if (!reluBits(v, v, o, float)) reluLoop(v, v, o);
  return [res];
});
