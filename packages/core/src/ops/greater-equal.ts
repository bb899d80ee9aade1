import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * a >= b. Primitive op `greaterEqual`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * greaterEqual(x, 2);
 */
export const greaterEqual = binaryOp('greaterEqual', NUMERIC, 'bool');
