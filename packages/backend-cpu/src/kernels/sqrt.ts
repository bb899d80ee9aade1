import { unaryKernel } from '../internal/elementwise';

/** Square root. */
export const sqrtKernel = unaryKernel('sqrt', Math.sqrt, (x, o, n) => {
  for (let i = 0; i < n; i++) o[i] = Math.sqrt(x[i]!);
});
