import type { TypedArray } from '@descent/core';

/** The largest of z[base..base + k), NaN if any is NaN, -Infinity for none: a softmax row's shift. */
export function rowMax(z: TypedArray, base: number, k: number): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < k; j++) {
    const v = z[base + j]!;
    if (Number.isNaN(v)) return v;
    if (v > m) m = v;
  }
  return m;
}
