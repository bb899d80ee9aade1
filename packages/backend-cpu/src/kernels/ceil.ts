import { unaryKernel } from '../internal/elementwise';

/** Round toward +Infinity. */
export const ceilKernel = unaryKernel('ceil', Math.ceil);
