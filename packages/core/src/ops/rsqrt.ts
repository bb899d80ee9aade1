import { FLOAT, unaryOp } from '../internal/elementwise';

/** 1 / sqrt(x). Primitive op `rsqrt`. */
export const rsqrt = unaryOp('rsqrt', FLOAT);
