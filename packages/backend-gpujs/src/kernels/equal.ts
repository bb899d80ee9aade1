import { comparison } from '../internal/elementwise';
import * as I from '../internal/int32';

/** a == b (NaN is unequal to everything). */
export const equalKernel = comparison('equal', (a, b) => `${a} == ${b}`, I.equal);
