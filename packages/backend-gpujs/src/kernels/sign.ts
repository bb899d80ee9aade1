import { numericUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';
import * as I from '../internal/int32';

/** Sign: -1, 0 or 1; NaN stays NaN. */
export const signKernel = numericUnary('sign', F.sign, I.sign);
