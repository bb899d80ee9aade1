import type { Kernel, Plugin } from '@descent/core';
import { affineResampleGpujsKernel } from './kernels/gpujs/affine-resample';
import { affineResampleImageGradGpujsKernel } from './kernels/gpujs/affine-resample-image-grad';
import { affineResampleMatrixGradGpujsKernel } from './kernels/gpujs/affine-resample-matrix-grad';

/** The gpu.js kernels of this package's ops (the resampler and its two gradients). */
export const augmentGpujsKernels: readonly Kernel[] = [
  affineResampleGpujsKernel,
  affineResampleImageGradGpujsKernel,
  affineResampleMatrixGradGpujsKernel,
];

/**
 * The kernels of `@descent/augment`'s ops for the gpu.js backend, as a plugin to install after
 * `augment()`. A separate entry point (`@descent/augment/gpujs`), so CPU-only apps never load
 * `@descent/backend-gpujs` or gpu.js.
 *
 * @example
 * import { createRuntime } from '@descent/core';
 * import { gpujsBackend } from '@descent/backend-gpujs';
 * import { augment } from '@descent/augment';
 * import { augmentGpujs } from '@descent/augment/gpujs';
 * const rt = createRuntime({ plugins: [gpujsBackend(), augment(), augmentGpujs()] });
 */
export function augmentGpujs(): Plugin {
  return {
    name: '@descent/augment/gpujs',
    version: '0.0.0',
    install(ctx) {
      ctx.registerKernels(augmentGpujsKernels);
    },
  };
}
