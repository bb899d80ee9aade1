import { floatUnary } from '../internal/elementwise';

/** Largest integer ≤ x. */
export const floorKernel = floatUnary('floor', (_e, x) => `Math.floor(${x})`);
