import type { DType, TypedArray } from '@descent/core';

/**
 * Host values as the floats a texture holds: float32 as is (rounded from float64 input),
 * bool as 0/1, int32 as its two 16-bit halves (hi signed, lo unsigned; see `int32.ts`).
 */
export function encode(values: TypedArray, dtype: DType): Float32Array {
  if (dtype === 'int32') {
    const out = new Float32Array(values.length * 2);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]! | 0;
      out[2 * i] = v >> 16;
      out[2 * i + 1] = v & 0xffff;
    }
    return out;
  }
  if (dtype === 'bool') return Float32Array.from(values, (v) => (v ? 1 : 0));
  return values instanceof Float32Array ? values : Float32Array.from(values);
}

/** Texture floats back to the dtype's typed array (`n` elements). */
export function decode(floats: Float32Array, dtype: DType, n: number): TypedArray {
  if (dtype === 'int32') {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = (floats[2 * i]! * 65536 + floats[2 * i + 1]!) | 0;
    return out;
  }
  if (dtype === 'bool') return Uint8Array.from(floats.subarray(0, n), (v) => (v !== 0 ? 1 : 0));
  return floats.length === n ? floats : floats.slice(0, n);
}
