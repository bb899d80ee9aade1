import { binaryKernel } from '../internal/elementwise';

/** a < b. */
export const lessKernel = binaryKernel('less', (a, b) => (a < b ? 1 : 0));
