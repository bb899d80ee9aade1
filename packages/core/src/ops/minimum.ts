import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * Elementwise minimum; NaN if either is NaN. Primitive op `minimum`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * minimum(x, 2);
 */
export const minimum = binaryOp('minimum', NUMERIC);
