import { FLOAT, unaryOp } from '../internal/elementwise';

/** true where x is neither NaN nor ±Infinity. Primitive op `isFinite`. */
export const isFinite = unaryOp('isFinite', FLOAT, 'bool');
