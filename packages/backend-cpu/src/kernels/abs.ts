import { unaryKernel } from '../internal/elementwise';

/** Absolute value; int32 |-2³¹| wraps to itself. */
export const absKernel = unaryKernel('abs', Math.abs, (x, o, n) => {
  for (let i = 0; i < n; i++) o[i] = Math.abs(x[i]!);
});
