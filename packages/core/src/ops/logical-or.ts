import { BOOL, binaryOp } from '../internal/elementwise';

/**
 * Boolean or. Primitive op `logicalOr`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * logicalOr(x, 2);
 */
export const logicalOr = binaryOp('logicalOr', BOOL);
