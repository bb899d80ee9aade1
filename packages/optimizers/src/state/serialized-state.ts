import type { DType } from '@descent/core';
import type { OptimizerRef } from '../resolve-optimizer';

/** A JSON value. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Where one tensor of a serialized state lies in the payload. */
export interface SerializedTensor {
  /** Path of the tensor in the state, for error messages. */
  readonly path: string;
  /** The tensor's dtype. */
  readonly dtype: DType;
  /** The tensor's shape. */
  readonly shape: readonly number[];
  /** How the values are stored: float64 when the state came from a float64 reference backend. */
  readonly encoding: 'float32' | 'float64' | 'int32' | 'uint8';
  /** Byte offset in the payload. */
  readonly offset: number;
  /** Its length in the payload, in bytes. */
  readonly byteLength: number;
}

/** The JSON half of a serialized state. */
export interface SerializedStateJson {
  /** Marks the JSON as a descent optimizer state. */
  readonly format: 'descent-optimizer-state';
  /** Version of the format, raised on incompatible changes. */
  readonly version: 1;
  /** The optimizer the state belongs to, when the caller recorded it (a checkpoint does). */
  readonly optimizer?: OptimizerRef;
  /**
   * The state tree: tensors as `{ "$tensor": i }` (an index into `tensors`), non-finite numbers as
   * `{ "$number": "NaN" | "Infinity" | "-Infinity" }`, object keys starting with `$` escaped by one more `$`.
   */
  readonly state: JsonValue;
  /** Where each tensor of the state lies in the payload. */
  readonly tensors: readonly SerializedTensor[];
  /** Length of the payload in bytes. */
  readonly payloadBytes: number;
}

/** An optimizer state as JSON plus one binary payload holding every tensor's values (little-endian). */
export interface SerializedState {
  /** The state's structure and numbers, as JSON. */
  readonly json: SerializedStateJson;
  /** Every tensor's values, little-endian, at the offsets `json.tensors` gives. */
  readonly payload: Uint8Array;
}
