import { InvalidArgumentError, Tensor } from '@descent/core';
import type { Dataset } from './dataset';
import { type ExampleOf, fromArrays } from './from-arrays';
import type { HostTensor } from './host-tensor';

/**
 * An in-memory dataset from tensors that share their first axis, read back once (so it works on
 * every backend, GPU included) and held on the host; the tensors stay the caller's. Batches are
 * uploaded again by the trainer, to whichever backend it trains on.
 *
 * @example
 * const ds = await fromTensors({ x: rt.tensor(xs, [100, 4]), y: rt.tensor(ys, [100], 'int32') });
 */
export async function fromTensors<C extends { readonly [name: string]: Tensor }>(
  columns: C,
): Promise<Dataset<ExampleOf<C>>> {
  if (typeof columns !== 'object' || columns === null || columns instanceof Tensor)
    throw new InvalidArgumentError('fromTensors', 'expected an object of named tensors, e.g. { x, y }');
  const host: Record<string, HostTensor> = {};
  for (const [name, t] of Object.entries(columns)) {
    if (!(t instanceof Tensor))
      throw new InvalidArgumentError('fromTensors', `column "${name}" is ${typeof t}, expected a Tensor`);
    const values = await t.data();
    const data =
      t.dtype === 'float32' && !(values instanceof Float32Array) ? Float32Array.from(values) : values;
    host[name] = { data, shape: [...t.shape], dtype: t.dtype } as HostTensor;
  }
  return fromArrays(host) as unknown as Dataset<ExampleOf<C>>;
}
