import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** e^x (NaN stays NaN, which the built-in does not guarantee). */
export const expKernel = floatUnary('exp', F.exp);
