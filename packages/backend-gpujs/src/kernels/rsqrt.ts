import { floatUnary } from '../internal/elementwise';

/** 1 / sqrt(x): Infinity at 0, 0 at Infinity. */
export const rsqrtKernel = floatUnary('rsqrt', (_e, x) => `1.0 / Math.sqrt(${x})`);
