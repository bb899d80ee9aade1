import { cpuFusedKernel } from '../internal/kernel';
import { reluMask } from '../internal/relu-mask';

/**
 * Core's fused `relu` in one pass without a branch per element: the composite's compare and
 * select (and its bool mask) become one masked copy of bit patterns; float32 tensors past
 * WASM_MIN_WORK elements run on the WASM module, four lanes at a time.
 */
export const reluKernel = cpuFusedKernel('relu', ({ inputs: [x], backend, outs }) => {
  const res = backend.makeForOverwrite(outs[0]!.shape, outs[0]!.dtype);
  const v = backend.values(x!);
  reluMask(backend, v, v, backend.values(res), x!.dtype === 'float32');
  return [res];
});
