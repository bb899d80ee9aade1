import { BOOL, binaryOp } from '../internal/elementwise';

/**
 * Boolean and. Primitive op `logicalAnd`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * logicalAnd(x, 2);
 */
export const logicalAnd = binaryOp('logicalAnd', BOOL);
