import { numericBinary } from '../internal/elementwise';
import * as I from '../internal/int32';

/** a - b; int32 exact and wrapping like C. */
export const subKernel = numericBinary('sub', (_e, a, b) => `${a} - ${b}`, I.sub);
