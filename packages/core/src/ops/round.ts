import { FLOAT, unaryOp } from '../internal/elementwise';

/** Round half to even, like NumPy and PyTorch. Primitive op `round`. */
export const round = unaryOp('round', FLOAT);
