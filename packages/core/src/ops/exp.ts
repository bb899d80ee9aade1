import { FLOAT, unaryOp } from '../internal/elementwise';

/** e^x. Primitive op `exp`. */
export const exp = unaryOp('exp', FLOAT);
