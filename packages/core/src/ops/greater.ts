import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * a > b. Primitive op `greater`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * greater(x, 2);
 */
export const greater = binaryOp('greater', NUMERIC, 'bool');
