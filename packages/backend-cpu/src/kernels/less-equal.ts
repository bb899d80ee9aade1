import { binaryKernel } from '../internal/elementwise';

/** a <= b. */
export const lessEqualKernel = binaryKernel('lessEqual', (a, b) => (a <= b ? 1 : 0));
