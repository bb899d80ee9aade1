import { unaryKernel } from '../internal/elementwise';

/** Absolute value; int32 |-2³¹| wraps to itself. */
export const absKernel = unaryKernel('abs', Math.abs);
