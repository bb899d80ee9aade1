import { unaryKernel } from '../internal/elementwise';

/** true where x is neither NaN nor ±Infinity. */
export const isFiniteKernel = unaryKernel('isFinite', (x) => (Number.isFinite(x) ? 1 : 0));
