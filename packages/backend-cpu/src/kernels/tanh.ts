import { unaryKernel } from '../internal/elementwise';

/** Hyperbolic tangent. */
export const tanhKernel = unaryKernel('tanh', Math.tanh);
