import { binaryOp, NUMERIC } from '../internal/elementwise';

/**
 * Floor modulo: the result has the sign of b, like Python % and torch.remainder. Primitive op `mod`; a number stands for a scalar of the other input's dtype.
 *
 * @example
 * mod(x, 2);
 */
export const mod = binaryOp('mod', NUMERIC);
