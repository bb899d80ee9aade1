import type { Tensor } from '@descent/core';

/**
 * Per-sample values from the host as a float32 tensor on the images' backend, `[n, 1, 1, 1]` by
 * default so it broadcasts over pixels and channels.
 */
export function perSample(images: Tensor, values: Float64Array, shape?: number[]): Tensor {
  const n = images.shape[0]!;
  return images.runtime.tensor(values, shape ?? [n, 1, 1, 1], 'float32', { backend: images.backendName });
}
