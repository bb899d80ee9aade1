import { FLOAT, unaryOp } from '../internal/elementwise';

/** e^x - 1, accurate near 0. Primitive op `expm1`. */
export const expm1 = unaryOp('expm1', FLOAT);
