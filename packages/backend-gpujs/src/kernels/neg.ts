import { numericUnary } from '../internal/elementwise';
import * as I from '../internal/int32';

/** -x; int32 wraps like C. */
export const negKernel = numericUnary('neg', (_e, x) => `-${x}`, I.neg);
