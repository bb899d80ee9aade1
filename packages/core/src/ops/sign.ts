import { NUMERIC, unaryOp } from '../internal/elementwise';

/** Sign: -1, 0 or 1 (0 for ±0; NaN stays NaN). Primitive op `sign`. */
export const sign = unaryOp('sign', NUMERIC);
