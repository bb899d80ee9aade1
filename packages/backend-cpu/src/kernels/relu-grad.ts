import { cpuFusedKernel } from '../internal/kernel';
import { reluBits, reluLoop } from '../internal/relu-bits';

/** Core's fused `reluGrad`: dy where x > 0 (or NaN), else 0, in one branch-free pass. */
export const reluGradKernel = cpuFusedKernel('reluGrad', ({ inputs: [dy, x], backend, outs }) => {
  const res = backend.makeForOverwrite(outs[0]!.shape, 'float32');
  const [g, v, o] = [backend.values(dy!), backend.values(x!), backend.values(res)];
  if (!reluBits(v, g, o, true)) reluLoop(v, g, o);
  return [res];
});
