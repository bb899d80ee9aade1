import { cpuFusedKernel } from '../internal/kernel';
import { reluBits, reluLoop } from '../internal/relu-bits';

/**
 * Core's fused `relu` in one pass without a branch per element: the composite's compare and
 * select (and its bool mask) become one masked copy of bit patterns.
 */
export const reluKernel = cpuFusedKernel('relu', ({ inputs: [x], backend, outs }) => {
  const res = backend.makeForOverwrite(outs[0]!.shape, outs[0]!.dtype);
  const [v, o] = [backend.values(x!), backend.values(res)];
  if (!reluBits(v, v, o, x!.dtype === 'float32')) reluLoop(v, v, o);
  return [res];
});
