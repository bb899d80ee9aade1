import { FLOAT, unaryOp } from '../internal/elementwise';

/** Cosine (radians). Primitive op `cos`. */
export const cos = unaryOp('cos', FLOAT);
