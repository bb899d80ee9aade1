/** Element types a tensor can hold. `bool` is stored as 0/1 bytes. */
export type DType = 'float32' | 'int32' | 'bool';

/** A row-major shape: one non-negative integer per axis; `[]` is a scalar. */
export type Shape = readonly number[];

/** The typed array that holds each dtype's values on the CPU. */
export interface DTypeArrays {
  /** float32 values. */
  float32: Float32Array;
  /** int32 values. */
  int32: Int32Array;
  /** bool values, one byte each (0 or 1). */
  bool: Uint8Array;
}

/**
 * Flat values. Float64Array appears where float32 tensors are given or computed in double
 * precision: as input to `tensor()`, and from a backend in float64 reference mode.
 */
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** Values accepted where a tensor is created: nested arrays or a flat typed array. */
export type TensorLike = number | boolean | TypedArray | readonly TensorLike[];

/** Nested arrays of numbers as returned by `array()`; depth equals rank. */
export type NestedArray = number | NestedArray[];

/**
 * What a kernel sees of a tensor: where its data is on the backend, its shape and dtype.
 * Kernels never see `Tensor` objects, so a backend needs nothing from the runtime.
 */
export interface TensorInfo {
  /** The backend's handle to the data (opaque to everything but the backend). */
  readonly dataId: object;
  /** The tensor's shape. */
  readonly shape: Shape;
  /** The tensor's dtype. */
  readonly dtype: DType;
}
