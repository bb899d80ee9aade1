import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * a * b with broadcasting. Primitive op `mul`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * mul(x, 2);
 */
export const mul = binaryOp('mul', NUMERIC);
