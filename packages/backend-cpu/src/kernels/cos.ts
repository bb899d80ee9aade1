import { unaryKernel } from '../internal/elementwise';

/** Cosine. */
export const cosKernel = unaryKernel('cos', Math.cos);
