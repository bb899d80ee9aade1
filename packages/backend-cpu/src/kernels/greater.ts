import { binaryKernel } from '../internal/elementwise';

/** a > b. */
export const greaterKernel = binaryKernel('greater', (a, b) => (a > b ? 1 : 0));
