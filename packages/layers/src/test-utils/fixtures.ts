import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, type DType, type Runtime, type Tensor } from '@descent/core';
import { layers } from '../layers-plugin';

export interface FixtureTensor {
  shape: number[];
  data: number[];
}

/** A float32 CPU runtime with autograd and the layers plugin. */
export function runtime(seed = 0): Runtime {
  return createRuntime({ plugins: [cpuBackend(), autograd(), layers()], seed });
}

/** A float64 reference runtime for gradCheck. */
export function runtime64(seed = 0): Runtime {
  return createRuntime({ plugins: [cpuBackend({ precision: 'float64' }), autograd(), layers()], seed });
}

export function fromFixture(rt: Runtime, t: FixtureTensor, dtype: DType = 'float32'): Tensor {
  return rt.tensor(dtype === 'int32' ? Int32Array.from(t.data) : Float64Array.from(t.data), t.shape, dtype);
}

/** Largest |got - want| / max(1, |want|): a relative error with an absolute floor of 1. */
export function maxError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(got[i]! - want[i]!) / Math.max(1, Math.abs(want[i]!));
    if (!(e <= worst)) worst = Number.isNaN(e) ? Number.POSITIVE_INFINITY : e;
  }
  return worst;
}
