import { numericUnary } from '../internal/elementwise';
import * as I from '../internal/int32';

/** |x|; int32 wraps like C (|INT32_MIN| = INT32_MIN). */
export const absKernel = numericUnary('abs', (_e, x) => `Math.abs(${x})`, I.abs);
