import type { Kernel } from '@descent/core';
import { affineResampleKernel } from './cpu/affine-resample';
import { affineResampleImageGradKernel } from './cpu/affine-resample-image-grad';
import { affineResampleMatrixGradKernel } from './cpu/affine-resample-matrix-grad';

/** The CPU kernels of this package's ops (the forward resampler and its two gradients). */
export const augmentCpuKernels: readonly Kernel[] = [
  affineResampleKernel,
  affineResampleImageGradKernel,
  affineResampleMatrixGradKernel,
];
