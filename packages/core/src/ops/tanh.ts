import { FLOAT, unaryOp } from '../internal/elementwise';

/** Hyperbolic tangent. Primitive op `tanh`. */
export const tanh = unaryOp('tanh', FLOAT);
