import { ANY, binaryOp } from '../internal/elementwise';

/**
 * a == b. Primitive op `equal`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * equal(x, 2);
 */
export const equal = binaryOp('equal', ANY, 'bool');
