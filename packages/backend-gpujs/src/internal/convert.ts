import type { DType } from '@descent/core';

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** A JS number as a tensor of `dtype` stores it, like `cast` (and the CPU backend's `fill`, `pad`, `oneHot`). */
export function toDType(v: number, dtype: DType): number {
  if (dtype === 'bool') return v !== 0 ? 1 : 0;
  if (dtype === 'int32') {
    return Number.isNaN(v) ? 0 : v >= INT32_MAX ? INT32_MAX : v <= INT32_MIN ? INT32_MIN : Math.trunc(v);
  }
  return Math.fround(v);
}

/** The scalars that stand for a value of `dtype` in a kernel: one float, or int32 limbs. */
export function scalarsOf(v: number, dtype: DType): number[] {
  const x = toDType(v, dtype);
  return dtype === 'int32' ? [x >> 16, x & 0xffff] : [x];
}

/** An expression picking the scalar (s{first}) or its limb (s{first}, s{first+1}) for output position `o`. */
export function scalarExpr(dtype: DType, first = 0): string {
  return dtype === 'int32'
    ? `(o - 2.0 * Math.floor(o * 0.5) < 0.5 ? s${first} : s${first + 1})`
    : `s${first}`;
}
