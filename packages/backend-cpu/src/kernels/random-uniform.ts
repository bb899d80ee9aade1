import { philoxUniform, type RandomUniformAttrs, sizeOf } from '@descent/core';
import { cpuKernel } from '../internal/kernel';

/** Uniform [0, 1) values: exactly core's reference Philox stream at (key, counter). */
export const randomUniformKernel = cpuKernel<RandomUniformAttrs>('randomUniform', ({ attrs, backend, out }) =>
  backend.make(
    out.shape,
    out.dtype,
    philoxUniform(
      attrs.key,
      attrs.counter,
      backend.allocate('float32', sizeOf(out.shape)) as Float32Array | Float64Array,
    ),
  ),
);
