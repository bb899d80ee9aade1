import { floatUnary } from '../internal/elementwise';

/** Square root; NaN below 0. */
export const sqrtKernel = floatUnary('sqrt', (_e, x) => `Math.sqrt(${x})`);
