import { unaryKernel } from '../internal/elementwise';

/** Negation; int32 -(-2³¹) wraps to itself. */
export const negKernel = unaryKernel(
  'neg',
  (x) => -x,
  (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = -x[i]!;
  },
);
