import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** log(1 + x), accurate near 0 (series). */
export const log1pKernel = floatUnary('log1p', F.log1p);
