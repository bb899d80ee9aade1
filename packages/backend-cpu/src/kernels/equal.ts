import { binaryKernel } from '../internal/elementwise';

/** a == b (NaN is unequal to everything). */
export const equalKernel = binaryKernel(
  'equal',
  (a, b) => (a === b ? 1 : 0),
  undefined,
  (a, ia, da, b, ib, db, o, io, n) => {
    // Same-shape and scalar operands index directly: the common cases, and the fastest loops.
    if (da === 1 && db === 1) for (let j = 0; j < n; j++) o[io + j] = a[ia + j]! === b[ib + j]! ? 1 : 0;
    else if (da === 1 && db === 0) {
      const y = b[ib]!;
      for (let j = 0; j < n; j++) o[io + j] = a[ia + j]! === y ? 1 : 0;
    } else if (da === 0 && db === 1) {
      const x = a[ia]!;
      for (let j = 0; j < n; j++) o[io + j] = x === b[ib + j]! ? 1 : 0;
    } else for (let j = 0; j < n; j++, ia += da, ib += db) o[io + j] = a[ia]! === b[ib]! ? 1 : 0;
  },
);
