import { FLOAT, unaryOp } from '../internal/elementwise';

/** Round toward +Infinity. Primitive op `ceil`. */
export const ceil = unaryOp('ceil', FLOAT);
