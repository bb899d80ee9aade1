import type { Pool2DAttrs } from '@descent/core';

/**
 * What avgPool divides a window's sum by: the whole window with `countIncludePad`, else its
 * `count` unpadded cells (at least 1, so a window of padding only averages to 0, not NaN).
 */
export function avgDivisor(attrs: Pool2DAttrs, count: number): number {
  return attrs.countIncludePad ? attrs.windowSize[0] * attrs.windowSize[1] : Math.max(count, 1);
}
