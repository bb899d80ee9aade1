import { comparison } from '../internal/elementwise';
import * as I from '../internal/int32';

/** a <= b (false with NaN). */
export const lessEqualKernel = comparison(
  'lessEqual',
  (a, b) => `${a} <= ${b}`,
  (a, b) => `!${I.less(b, a)}`,
);
