import { numericBinary } from '../internal/elementwise';

/** a / b (IEEE: x/0 = ±Infinity, 0/0 = NaN). */
export const divKernel = numericBinary('div', (_e, a, b) => `${a} / ${b}`);
