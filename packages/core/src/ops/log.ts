import { FLOAT, unaryOp } from '../internal/elementwise';

/** Natural logarithm; log(0) = -Infinity, log(x<0) = NaN. Primitive op `log`. */
export const log = unaryOp('log', FLOAT);
