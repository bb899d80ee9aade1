import type { Tensor } from '@descent/core';
import { type AffineResampleOptions, affineResample } from '../ops/affine-resample';

/** Runs `affineResample` with per-sample matrices computed on the host (`6·n` numbers, row-major). */
export function resampleWith(images: Tensor, matrices: Float64Array, options: AffineResampleOptions): Tensor {
  const n = images.shape[0]!;
  const m = images.runtime.tensor(matrices, [n, 2, 3], 'float32', { backend: images.backendName });
  return affineResample(images, m, options);
}
