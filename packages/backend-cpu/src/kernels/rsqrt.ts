import { unaryKernel } from '../internal/elementwise';

/** 1 / sqrt(x), in float64 before rounding to float32. */
export const rsqrtKernel = unaryKernel(
  'rsqrt',
  (x) => 1 / Math.sqrt(x),
  (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = 1 / Math.sqrt(x[i]!);
  },
);
