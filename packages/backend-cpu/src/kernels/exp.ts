import { unaryKernel } from '../internal/elementwise';

/** e^x. */
export const expKernel = unaryKernel('exp', Math.exp);
