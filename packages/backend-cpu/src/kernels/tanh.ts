import { unaryKernel } from '../internal/elementwise';

/** Hyperbolic tangent. */
export const tanhKernel = unaryKernel('tanh', Math.tanh, (x, o, n) => {
  for (let i = 0; i < n; i++) o[i] = Math.tanh(x[i]!);
});
