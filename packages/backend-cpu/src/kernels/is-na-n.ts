import { unaryKernel } from '../internal/elementwise';

/** true where x is NaN. */
export const isNaNKernel = unaryKernel('isNaN', (x) => (Number.isNaN(x) ? 1 : 0));
