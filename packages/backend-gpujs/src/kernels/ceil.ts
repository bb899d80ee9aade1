import { floatUnary } from '../internal/elementwise';

/** Smallest integer ≥ x. */
export const ceilKernel = floatUnary('ceil', (_e, x) => `Math.ceil(${x})`);
