import { FLOAT, unaryOp } from '../internal/elementwise';

/** Sine (radians). Primitive op `sin`. */
export const sin = unaryOp('sin', FLOAT);
