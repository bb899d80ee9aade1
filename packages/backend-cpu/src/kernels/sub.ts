import { binaryKernel } from '../internal/elementwise';

/** a - b; int32 differences wrap on store. */
export const subKernel = binaryKernel(
  'sub',
  (a, b) => a - b,
  undefined,
  (a, ia, da, b, ib, db, o, io, n) => {
    // Same-shape and scalar operands index directly: the common cases, and the fastest loops.
    if (da === 1 && db === 1) for (let j = 0; j < n; j++) o[io + j] = a[ia + j]! - b[ib + j]!;
    else if (da === 1 && db === 0) {
      const y = b[ib]!;
      for (let j = 0; j < n; j++) o[io + j] = a[ia + j]! - y;
    } else if (da === 0 && db === 1) {
      const x = a[ia]!;
      for (let j = 0; j < n; j++) o[io + j] = x - b[ib + j]!;
    } else for (let j = 0; j < n; j++, ia += da, ib += db) o[io + j] = a[ia]! - b[ib]!;
  },
);
