import { binaryKernel } from '../internal/elementwise';

/** a >= b. */
export const greaterEqualKernel = binaryKernel('greaterEqual', (a, b) => (a >= b ? 1 : 0));
