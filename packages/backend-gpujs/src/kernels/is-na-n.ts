import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** true where x is NaN. */
export const isNaNKernel = floatUnary('isNaN', F.isNaN);
