import { FLOAT, unaryOp } from '../internal/elementwise';

/** Square root; NaN below 0. Primitive op `sqrt`. */
export const sqrt = unaryOp('sqrt', FLOAT);
