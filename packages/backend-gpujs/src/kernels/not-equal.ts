import { comparison } from '../internal/elementwise';
import * as I from '../internal/int32';

/** a != b, written as !(a == b): NaN != NaN must be true, and `!=` is ordered on some WGSL compilers. */
export const notEqualKernel = comparison(
  'notEqual',
  (a, b) => `!(${a} == ${b})`,
  (a, b) => `!${I.equal(a, b)}`,
);
