import { comparison } from '../internal/elementwise';
import * as I from '../internal/int32';

/** a < b (false with NaN). */
export const lessKernel = comparison('less', (a, b) => `${a} < ${b}`, I.less);
