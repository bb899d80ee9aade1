import { binaryOp, FLOAT } from '../internal/elementwise';

/**
 * a / b with broadcasting (IEEE: x/0 = ±Infinity, 0/0 = NaN). Primitive op `div`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * div(x, 2);
 */
export const div = binaryOp('div', FLOAT);
