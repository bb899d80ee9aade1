import { type Runtime, Tensor } from '@descent/core';
import { type HostTensor, isHostTensor } from '@descent/data';

/** A batch field as a tensor on the training backend: host values are uploaded, tensors used as they are. */
export function upload(rt: Runtime, v: HostTensor | Tensor, backend: string): Tensor {
  if (v instanceof Tensor) return v;
  if (isHostTensor(v)) return rt.tensor(v.data, v.shape, v.dtype, { backend });
  throw new TypeError(`expected a HostTensor or a Tensor, got ${typeof v}`);
}
