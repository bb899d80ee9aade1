import { unaryKernel } from '../internal/elementwise';

/** log(1 + x), accurate near 0. */
export const log1pKernel = unaryKernel('log1p', Math.log1p);
