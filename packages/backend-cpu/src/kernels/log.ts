import { unaryKernel } from '../internal/elementwise';

/** Natural logarithm. */
export const logKernel = unaryKernel('log', Math.log);
