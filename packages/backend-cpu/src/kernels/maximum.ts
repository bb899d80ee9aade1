import { binaryKernel } from '../internal/elementwise';

/** Elementwise maximum; NaN if either is NaN. */
export const maximumKernel = binaryKernel('maximum', Math.max);
