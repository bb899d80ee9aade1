import { unaryKernel } from '../internal/elementwise';

/** Square root. */
export const sqrtKernel = unaryKernel('sqrt', Math.sqrt);
