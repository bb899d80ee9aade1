import { unaryKernel } from '../internal/elementwise';

/** e^x. */
export const expKernel = unaryKernel('exp', Math.exp, (x, o, n) => {
  for (let i = 0; i < n; i++) o[i] = Math.exp(x[i]!);
});
