import {
  type DType,
  type DTypeArrays,
  describeValue,
  fmtShape,
  InvalidArgumentError,
  type Shape,
} from '@descent/core';

/**
 * An n-dimensional array on the host (in a typed array), not on any backend: what readers
 * produce and datasets hold until a batch is uploaded. `data` is row-major and holds exactly
 * `shape`'s number of values, in the typed array of `dtype` (Float32Array, Int32Array, or
 * Uint8Array of 0/1 for bool).
 */
export interface HostTensor<D extends DType = DType> {
  /** The values, row-major, in the typed array of `dtype`. */
  readonly data: DTypeArrays[D];
  /** The shape. */
  readonly shape: Shape;
  /** The dtype. */
  readonly dtype: D;
}

const ARRAYS = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

/**
 * A `HostTensor` from numbers: a typed array of any kind (converted to `dtype`'s array if it is
 * not one already) or a plain array. `shape` defaults to `[values.length]`; `dtype` to int32
 * for an Int32Array and float32 otherwise (a Uint8Array of pixels becomes float32 values
 * 0..255).
 *
 * @example
 * const y = hostTensor(new Int32Array([3, 1, 4]));          // int32 [3]
 * const x = hostTensor(pixels, [2, 28, 28, 1]);             // float32 [2,28,28,1]
 */
export function hostTensor(
  values: ArrayLike<number>,
  shape: Shape = [checkValues(values).length],
  dtype: DType = values instanceof Int32Array ? 'int32' : 'float32',
): HostTensor {
  checkValues(values);
  if (!(dtype in ARRAYS))
    throw new InvalidArgumentError('hostTensor', `unknown dtype ${JSON.stringify(dtype)}`);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
    throw new InvalidArgumentError(
      'hostTensor',
      `shape must be non-negative integers, got ${JSON.stringify(shape)}`,
    );
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== values.length)
    throw new InvalidArgumentError(
      'hostTensor',
      `shape ${fmtShape(shape)} needs ${size} values, got ${values.length}`,
    );
  const Ctor = ARRAYS[dtype];
  const data = values instanceof Ctor ? values : Ctor.from(values);
  return { data, shape: [...shape], dtype } as HostTensor;
}

/** `values` if it is an array or a typed array (what `hostTensor` takes), else a typed error. */
function checkValues(values: unknown): ArrayLike<number> {
  if (Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    return values as ArrayLike<number>;
  }
  throw new InvalidArgumentError(
    'hostTensor',
    `expected values to be an array or a typed array, got ${describeValue(values)}`,
  );
}

/**
 * Whether `v` is a `HostTensor` (a typed array with a shape and a dtype).
 *
 * @example
 * isHostTensor({ data: new Float32Array(4), shape: [2, 2], dtype: 'float32' }); // true
 */
export function isHostTensor(v: unknown): v is HostTensor {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Partial<HostTensor>;
  return ArrayBuffer.isView(h.data) && Array.isArray(h.shape) && typeof h.dtype === 'string';
}
