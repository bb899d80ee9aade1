import { numericBinary } from '../internal/elementwise';
import * as I from '../internal/int32';

/** a + b; int32 exact and wrapping like C. */
export const addKernel = numericBinary('add', (_e, a, b) => `${a} + ${b}`, I.add);
