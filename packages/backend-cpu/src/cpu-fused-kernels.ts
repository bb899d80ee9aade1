import type { FusedKernel } from '@descent/core';
import { adamUpdateKernel } from './kernels/adam-update';
import { denseKernel } from './kernels/dense';
import { reluKernel } from './kernels/relu';
import { reluGradKernel } from './kernels/relu-grad';
import { softmaxCrossEntropyKernel } from './kernels/softmax-cross-entropy';
import { softmaxCrossEntropyGradKernel } from './kernels/softmax-cross-entropy-grad';

/**
 * The CPU backend's fused kernels (core's `fusedOps` it runs in one pass). The `'reference'`
 * kernel set leaves them out, so there the composites run.
 */
export const cpuFusedKernels: readonly FusedKernel[] = [
  adamUpdateKernel,
  denseKernel,
  reluKernel,
  reluGradKernel,
  softmaxCrossEntropyKernel,
  softmaxCrossEntropyGradKernel,
];
