import { binaryKernel } from '../internal/elementwise';

/** a == b (NaN is unequal to everything). */
export const equalKernel = binaryKernel('equal', (a, b) => (a === b ? 1 : 0));
