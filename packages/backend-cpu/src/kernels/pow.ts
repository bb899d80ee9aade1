import { binaryKernel } from '../internal/elementwise';
import { ieeePow } from '../internal/math';

/** a ** b with IEEE pow special cases (1^NaN = 1). */
export const powKernel = binaryKernel('pow', ieeePow);
