import type { Kernel } from '@descent/core';
import { cpuKernels } from './cpu-kernels';
import { conv2dBackpropFilterReferenceKernel } from './internal/conv2d-backprop-filter-reference';
import { conv2dBackpropInputReferenceKernel } from './internal/conv2d-backprop-input-reference';
import { conv2dReferenceKernel } from './internal/conv2d-reference';
import { matmulReferenceKernel } from './internal/matmul-reference';

const reference: readonly Kernel[] = [
  matmulReferenceKernel,
  conv2dReferenceKernel,
  conv2dBackpropInputReferenceKernel,
  conv2dBackpropFilterReferenceKernel,
] as Kernel[];

/**
 * `cpuKernels` with the straightforward loops in place of the fast kernels (packed GEMM for
 * matmul, im2col + GEMM for the convolutions): the reference the fast kernels are tested
 * against, installed by `cpuBackend({ kernels: 'reference' })`.
 */
export const cpuReferenceKernels: readonly Kernel[] = cpuKernels.map(
  (k) => reference.find((r) => r.op === k.op) ?? k,
);
