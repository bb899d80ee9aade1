import { numericBinary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** a ** b with IEEE special cases; integer exponents up to 64 by exact products. */
export const powKernel = numericBinary('pow', F.pow);
