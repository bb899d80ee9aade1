import { NUMERIC, unaryOp } from '../internal/elementwise';

/** Negation, -x. Primitive op `neg`. */
export const neg = unaryOp('neg', NUMERIC);
