import { numericBinary } from '../internal/elementwise';
import * as I from '../internal/int32';

/** a · b; int32 exact (the low 32 bits of the product, like C). */
export const mulKernel = numericBinary('mul', (_e, a, b) => `${a} * ${b}`, I.mul);
