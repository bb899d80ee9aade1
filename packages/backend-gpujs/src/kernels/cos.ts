import { floatUnary } from '../internal/elementwise';
import { sinCos } from '../internal/float-math';

/** Cosine, with exact argument reduction (NaN at ±Infinity). */
export const cosKernel = floatUnary('cos', (e, x) => sinCos(e, x, 'cos'));
