import { FLOAT, unaryOp } from '../internal/elementwise';

/** log(1 + x), accurate near 0. Primitive op `log1p`. */
export const log1p = unaryOp('log1p', FLOAT);
