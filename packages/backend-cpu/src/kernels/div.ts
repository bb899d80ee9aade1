import { binaryKernel } from '../internal/elementwise';

/** a / b (IEEE: x/0 = ±Infinity, 0/0 = NaN). */
export const divKernel = binaryKernel('div', (a, b) => a / b);
