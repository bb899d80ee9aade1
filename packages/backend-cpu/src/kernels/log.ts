import { unaryKernel } from '../internal/elementwise';

/** Natural logarithm. */
export const logKernel = unaryKernel('log', Math.log, (x, o, n) => {
  for (let i = 0; i < n; i++) o[i] = Math.log(x[i]!);
});
