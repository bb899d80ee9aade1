import { binaryKernel } from '../internal/elementwise';

/** Elementwise minimum; NaN if either is NaN. */
export const minimumKernel = binaryKernel('minimum', Math.min);
