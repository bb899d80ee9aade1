import { floatUnary } from '../internal/elementwise';
import { sinCos } from '../internal/float-math';

/** Sine, with exact argument reduction (NaN at ±Infinity). */
export const sinKernel = floatUnary('sin', (e, x) => sinCos(e, x, 'sin'));
