import { binaryKernel } from '../internal/elementwise';
import { floorMod, intFloorMod } from '../internal/math';

/** Floor modulo (sign of b, like Python); int32 x mod 0 is 0. */
export const modKernel = binaryKernel('mod', floorMod, intFloorMod);
