import { FLOAT, unaryOp } from '../internal/elementwise';

/** Round toward -Infinity. Primitive op `floor`. */
export const floor = unaryOp('floor', FLOAT);
