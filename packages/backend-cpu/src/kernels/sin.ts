import { unaryKernel } from '../internal/elementwise';

/** Sine. */
export const sinKernel = unaryKernel('sin', Math.sin);
