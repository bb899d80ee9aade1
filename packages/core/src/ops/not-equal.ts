import { ANY, binaryOp } from '../internal/elementwise';

/**
 * a != b. Primitive op `notEqual`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * notEqual(x, 2);
 */
export const notEqual = binaryOp('notEqual', ANY, 'bool');
