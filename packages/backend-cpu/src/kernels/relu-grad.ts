import { cpuFusedKernel } from '../internal/kernel';
import { reluMask } from '../internal/relu-mask';

/**
 * Core's fused `reluGrad`: dy where x > 0 (or NaN), else 0, in one branch-free pass (on the WASM
 * module for float32 tensors past WASM_MIN_WORK elements).
 */
export const reluGradKernel = cpuFusedKernel('reluGrad', ({ inputs: [dy, x], backend, outs }) => {
  const res = backend.makeForOverwrite(outs[0]!.shape, 'float32');
  reluMask(backend, backend.values(x!), backend.values(dy!), backend.values(res), true);
  return [res];
});
