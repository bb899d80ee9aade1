import { binaryKernel } from '../internal/elementwise';

/** Elementwise maximum; NaN if either is NaN. */
export const maximumKernel = binaryKernel(
  'maximum',
  Math.max,
  undefined,
  (a, ia, da, b, ib, db, o, io, n) => {
    // Same-shape and scalar operands index directly: the common cases, and the fastest loops.
    if (da === 1 && db === 1) for (let j = 0; j < n; j++) o[io + j] = Math.max(a[ia + j]!, b[ib + j]!);
    else if (da === 1 && db === 0) {
      const y = b[ib]!;
      for (let j = 0; j < n; j++) o[io + j] = Math.max(a[ia + j]!, y);
    } else if (da === 0 && db === 1) {
      const x = a[ia]!;
      for (let j = 0; j < n; j++) o[io + j] = Math.max(x, b[ib + j]!);
    } else for (let j = 0; j < n; j++, ia += da, ib += db) o[io + j] = Math.max(a[ia]!, b[ib]!);
  },
);
