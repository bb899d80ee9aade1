import { FLOAT, unaryOp } from '../internal/elementwise';

/** The error function (for exact GELU). Primitive op `erf`. */
export const erf = unaryOp('erf', FLOAT);
