import { DTypeError, ShapeError } from '../errors';
import type { DType, TensorLike, TypedArray } from '../types';

const ARRAYS = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

function dtypeOfArray(a: TypedArray): DType {
  return a instanceof Int32Array ? 'int32' : a instanceof Uint8Array ? 'bool' : 'float32';
}

/** Flattens nested arrays (checking they are rectangular) or converts a typed array. */
export function toTypedArray(
  values: TensorLike,
  dtype: DType | undefined,
): { data: TypedArray; inferredShape: number[]; dtype: DType } {
  if (ArrayBuffer.isView(values)) {
    const dt = dtype ?? dtypeOfArray(values);
    // An array of the storage type (or doubles for float32, which the backend rounds to its own
    // precision) goes to the backend as it is: `Backend.write` copies, so one copy, not two.
    if (values instanceof ARRAYS[dt] || (dt === 'float32' && values instanceof Float64Array))
      return { data: values as TypedArray, inferredShape: [values.length], dtype: dt };
    const data =
      dt === 'float32' && values instanceof Float64Array
        ? new Float64Array(values.length)
        : new ARRAYS[dt](values.length);
    data.set(values);
    return { data, inferredShape: [values.length], dtype: dt };
  }
  const shape: number[] = [];
  for (let v: TensorLike = values; Array.isArray(v); v = v[0] as TensorLike) shape.push(v.length);
  const flat: (number | boolean)[] = [];
  const walk = (v: TensorLike, axis: number, path: string): void => {
    if (axis === shape.length) {
      if (typeof v !== 'number' && typeof v !== 'boolean') {
        throw new ShapeError(
          'tensor',
          `expected a number at ${path || 'the top'}, got ${Array.isArray(v) ? 'an array' : typeof v}`,
        );
      }
      flat.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[axis]) {
      throw new ShapeError(
        'tensor',
        `ragged nested array: expected length ${shape[axis]} at ${path || 'the top'}, got ${Array.isArray(v) ? v.length : 'a scalar'}`,
      );
    }
    for (const [i, x] of (v as readonly TensorLike[]).entries()) walk(x, axis + 1, `${path}[${i}]`);
  };
  walk(values, 0, '');
  const isBool = flat.length > 0 && flat.every((x) => typeof x === 'boolean');
  const dt = dtype ?? (isBool ? 'bool' : 'float32');
  if (dt === 'bool' && !isBool && flat.some((x) => x !== 0 && x !== 1)) {
    throw new DTypeError('tensor', 'bool (true/false or 0/1)', 'other numbers', 'values');
  }
  const data = new ARRAYS[dt](flat.length);
  flat.forEach((v, i) => {
    data[i] = Number(v);
  });
  return { data, inferredShape: shape, dtype: dt };
}
