import type { DType } from '@descent/core';

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** float → int32: truncates toward zero, saturates out of range, NaN → 0 (like Rust's `as`). */
export function toInt32(v: number): number {
  return Number.isNaN(v) ? 0 : v >= INT32_MAX ? INT32_MAX : v <= INT32_MIN ? INT32_MIN : Math.trunc(v);
}

/** any → bool: `v != 0` (so NaN is true, as in NumPy). */
export function toBool(v: number): number {
  return v !== 0 ? 1 : 0;
}

/** A JS number as a tensor of `dtype` stores it (the float32 rounding is left to the array). */
export function toDType(v: number, dtype: DType): number {
  return dtype === 'int32' ? toInt32(v) : dtype === 'bool' ? toBool(v) : v;
}
