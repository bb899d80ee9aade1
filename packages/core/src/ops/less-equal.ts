import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * a <= b. Primitive op `lessEqual`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * lessEqual(x, 2);
 */
export const lessEqual = binaryOp('lessEqual', NUMERIC, 'bool');
