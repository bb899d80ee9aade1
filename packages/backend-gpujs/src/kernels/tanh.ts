import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** Hyperbolic tangent: ±1 at ±Infinity (the built-in gives NaN there). */
export const tanhKernel = floatUnary('tanh', F.tanh);
