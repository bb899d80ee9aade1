import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * a + b with broadcasting. Primitive op `add`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * add(x, 2);
 */
export const add = binaryOp('add', NUMERIC);
