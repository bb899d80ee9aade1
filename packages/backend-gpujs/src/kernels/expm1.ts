import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** e^x - 1, accurate near 0 (series). */
export const expm1Kernel = floatUnary('expm1', F.expm1);
