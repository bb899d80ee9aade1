import { FLOAT, unaryOp } from '../internal/elementwise';

/** true where x is NaN. Primitive op `isNaN`. */
export const isNaN = unaryOp('isNaN', FLOAT, 'bool');
