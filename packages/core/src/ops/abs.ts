import { NUMERIC, unaryOp } from '../internal/elementwise';

/** Absolute value. Primitive op `abs`. */
export const abs = unaryOp('abs', NUMERIC);
