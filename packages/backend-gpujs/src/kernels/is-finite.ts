import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** true where x is neither NaN nor ±Infinity. */
export const isFiniteKernel = floatUnary('isFinite', F.isFinite);
