import type { Pool2DAttrs, TypedArray } from '@descent/core';
import { beats } from './math';

/**
 * Which of a window's first `count` cells holds its maximum in channel `c`: the first one in
 * window order on ties, NaN counting as maximal (like argmax); -1 for a window of padding only.
 */
export function firstMax(v: TypedArray, cells: Int32Array, count: number, c: number): number {
  if (count === 0) return -1;
  let best = 0;
  let max = v[cells[0]! + c]!;
  for (let i = 1; i < count; i++) {
    const e = v[cells[i]! + c]!;
    if (beats(e, max)) {
      best = i;
      max = e;
    }
  }
  return best;
}

/**
 * What avgPool divides a window's sum by: the whole window with `countIncludePad`, else its
 * `count` unpadded cells (at least 1, so a window of padding only averages to 0, not NaN).
 */
export function avgDivisor(attrs: Pool2DAttrs, count: number): number {
  return attrs.countIncludePad ? attrs.windowSize[0] * attrs.windowSize[1] : Math.max(count, 1);
}
