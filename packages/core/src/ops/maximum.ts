import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * Elementwise maximum; NaN if either is NaN. Primitive op `maximum`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * maximum(x, 2);
 */
export const maximum = binaryOp('maximum', NUMERIC);
