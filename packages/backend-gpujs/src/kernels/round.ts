import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** Round half to even (the built-in rounds halves up). */
export const roundKernel = floatUnary('round', F.round);
