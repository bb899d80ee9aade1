import { philoxUniform, type RandomUniformAttrs, sizeOf } from '@descent/core';
import { gpujsKernel } from '../internal/kernel';

/**
 * Uniform [0, 1) values, bit-identical to core's reference `philoxUniform`: computed on the CPU
 * and uploaded. Philox needs exact 32-bit integer multiplies (their high words), which float
 * shaders (WebGL, headless-gl) do not have; an upload costs less than emulating them.
 */
export const randomUniformKernel = gpujsKernel<RandomUniformAttrs>(
  'randomUniform',
  ({ attrs, backend, out }) =>
    backend.write(
      philoxUniform(attrs.key, attrs.counter, new Float32Array(sizeOf(out.shape))),
      out.shape,
      out.dtype,
    ),
);
