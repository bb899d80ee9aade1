import type { TypedArray } from '@descent/core';

const bits = (a: TypedArray) =>
  a instanceof Int32Array
    ? a
    : a instanceof Float32Array
      ? new Int32Array(a.buffer, a.byteOffset, a.length)
      : undefined;

/**
 * o = (x > 0 or x is NaN) ? y : 0 on the bit patterns of 4-byte arrays, with a mask instead of
 * a branch (relu's signs are random: a branch per element mispredicts half the time). `float`
 * says x holds float32 bits: positive means sign clear and not zero, NaN keeps its value.
 * Returns false for other arrays (float64), which `reluLoop` serves.
 */
export function reluBits(x: TypedArray, y: TypedArray, o: TypedArray, float: boolean): boolean {
  const [xb, yb, ob] = [bits(x), bits(y), bits(o)];
  if (!xb || !yb || !ob) return false;
  const n = ob.length;
  // Masks of all ones or none from integer arithmetic: -b >> 31 is -1 exactly when b > 0 (and
  // for INT_MIN, which b >> 31 rules out); the NaN mask is -1 when |b| > 0x7f800000 (exponent all
  // ones, mantissa not zero).
  if (float)
    for (let i = 0; i < n; i++) {
      const b = xb[i]!;
      const keep = ((-b >> 31) & ~(b >> 31)) | ((0x7f800000 - (b & 0x7fffffff)) >> 31);
      ob[i] = yb[i]! & keep;
    }
  else
    for (let i = 0; i < n; i++) {
      const b = xb[i]!;
      ob[i] = yb[i]! & (-b >> 31) & ~(b >> 31);
    }
  return true;
}

/** The same with a branch, for float64 arrays. */
export function reluLoop(x: TypedArray, y: TypedArray, o: TypedArray): void {
  for (let i = 0; i < o.length; i++) {
    const v = x[i]!;
    o[i] = v > 0 || Number.isNaN(v) ? y[i]! : 0;
  }
}
