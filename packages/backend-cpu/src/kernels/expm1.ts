import { unaryKernel } from '../internal/elementwise';

/** e^x - 1, accurate near 0. */
export const expm1Kernel = unaryKernel('expm1', Math.expm1);
