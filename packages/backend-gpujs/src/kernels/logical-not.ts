import { floatUnary } from '../internal/elementwise';

/** Boolean not. */
export const logicalNotKernel = floatUnary('logicalNot', (_e, x) => `(${x} > 0.5 ? 0.0 : 1.0)`);
