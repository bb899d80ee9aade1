import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * a - b with broadcasting. Primitive op `sub`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * sub(x, 2);
 */
export const sub = binaryOp('sub', NUMERIC);
