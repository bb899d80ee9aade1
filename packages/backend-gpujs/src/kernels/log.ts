import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** Natural log: -Infinity at 0, NaN below 0. */
export const logKernel = floatUnary('log', F.log);
