import { binaryOp, FLOAT } from '../internal/elementwise';

/**
 * a ** b with broadcasting (IEEE pow; negative base with fractional exponent is NaN). Primitive op `pow`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * pow(x, 2);
 */
export const pow = binaryOp('pow', FLOAT);
