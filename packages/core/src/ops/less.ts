import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * a < b. Primitive op `less`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * less(x, 2);
 */
export const less = binaryOp('less', NUMERIC, 'bool');
