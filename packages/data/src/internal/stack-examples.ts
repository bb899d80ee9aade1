import { fmtShape, InvalidArgumentError, ShapeError, stack, Tensor } from '@descent/core';
import type { Batch, Example } from '../dataset';
import { type HostTensor, isHostTensor } from '../host-tensor';

const ARRAYS = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

/**
 * Joins examples into one batch, field by field, along a new first axis. Host fields (host
 * tensors, numbers, number arrays) are copied into one typed array; tensor fields are stacked on
 * their backend and the example tensors disposed. Every example must have the same fields, each
 * of one shape and dtype: a `ShapeError` names the field, the example and both shapes.
 */
export function stackExamples(examples: readonly Example[], first: number): Batch {
  const head = examples[0];
  if (!head || typeof head !== 'object')
    throw new InvalidArgumentError('batch', `expected examples to be objects of fields, got ${typeof head}`);
  const keys = Object.keys(head);
  for (let i = 1; i < examples.length; i++) {
    const k = Object.keys(examples[i]!);
    if (k.length !== keys.length || !k.every((key) => key in head))
      throw new ShapeError(
        'batch',
        `example ${first + i} has fields {${k.join(', ')}}, example ${first} has {${keys.join(', ')}}`,
      );
  }
  const out: Record<string, HostTensor | Tensor> = {};
  for (const key of keys) {
    const column = examples.map((e) => e[key]!);
    out[key] =
      column[0] instanceof Tensor
        ? stackTensors(key, column, first)
        : stackHost(
            key,
            column.map((v, i) => asHost(key, v, first + i)),
            first,
          );
  }
  return out;
}

function asHost(key: string, v: unknown, index: number): HostTensor {
  if (isHostTensor(v)) return v;
  if (typeof v === 'number') return { data: Float32Array.of(v), shape: [], dtype: 'float32' };
  if (Array.isArray(v) && v.every((x) => typeof x === 'number'))
    return { data: Float32Array.from(v), shape: [v.length], dtype: 'float32' };
  if (v instanceof Tensor)
    throw new InvalidArgumentError(
      'batch',
      `field "${key}" of example ${index} is a Tensor where earlier examples held host values; keep a field one kind`,
    );
  throw new InvalidArgumentError(
    'batch',
    `field "${key}" of example ${index} is ${Array.isArray(v) ? 'an array of non-numbers' : typeof v}; expected a HostTensor, a Tensor, a number or an array of numbers`,
  );
}

function stackHost(key: string, column: readonly HostTensor[], first: number): HostTensor {
  const { shape, dtype } = column[0]!;
  const rowSize = column[0]!.data.length;
  column.forEach((h, i) => {
    if (h.dtype !== dtype || h.shape.length !== shape.length || h.shape.some((d, a) => d !== shape[a]))
      throw new ShapeError(
        'batch',
        `field "${key}" of example ${first + i} is ${h.dtype} ${fmtShape(h.shape)}, example ${first} has ${dtype} ${fmtShape(shape)}`,
      );
  });
  const data = new ARRAYS[dtype](rowSize * column.length);
  column.forEach((h, i) => {
    data.set(h.data, i * rowSize);
  });
  return { data, shape: [column.length, ...shape], dtype } as HostTensor;
}

function stackTensors(key: string, column: readonly unknown[], first: number): Tensor {
  const tensors = column.map((t, i) => {
    if (!(t instanceof Tensor))
      throw new InvalidArgumentError(
        'batch',
        `field "${key}" of example ${first + i} is not a Tensor where example ${first}'s is; keep a field one kind`,
      );
    return t;
  });
  const [t0] = tensors;
  tensors.forEach((t, i) => {
    if (
      t.dtype !== t0!.dtype ||
      t.shape.length !== t0!.shape.length ||
      t.shape.some((d, a) => d !== t0!.shape[a])
    )
      throw new ShapeError(
        'batch',
        `field "${key}" of example ${first + i} is ${t.dtype} ${fmtShape(t.shape)}, example ${first} has ${t0!.dtype} ${fmtShape(t0!.shape)}`,
      );
  });
  const out = stack(tensors);
  for (const t of tensors) t.dispose();
  return out;
}
