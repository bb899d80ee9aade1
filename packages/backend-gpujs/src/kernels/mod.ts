import { numericBinary } from '../internal/elementwise';
import * as F from '../internal/float-math';
import * as I from '../internal/int32';

/** Floor modulo (sign of b, like Python); int32 exact (long division), x mod 0 = 0. */
export const modKernel = numericBinary('mod', F.floorMod, I.floorMod);
