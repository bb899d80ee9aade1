import { fill, type Tensor } from '@descent/core';

/**
 * `value` as a scalar of `like`'s dtype on its backend, made there (no upload) at the backend's
 * precision. Ops given a bare JS number round it to float32 first, which a float64 reference
 * backend would notice; hyperparameters go through this instead.
 */
export function scalar(like: Tensor, value: number): Tensor {
  return fill(like.runtime, [], value, like.dtype, { backend: like.backendName });
}
