import { unaryKernel } from '../internal/elementwise';

/** Sign: -1, 0 or 1; NaN stays NaN. */
export const signKernel = unaryKernel('sign', Math.sign);
