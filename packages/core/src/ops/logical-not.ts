import { BOOL, unaryOp } from '../internal/elementwise';

/** Boolean not. Primitive op `logicalNot`. */
export const logicalNot = unaryOp('logicalNot', BOOL);
