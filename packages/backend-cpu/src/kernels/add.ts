import { binaryKernel } from '../internal/elementwise';

/** a + b; int32 sums wrap on store. */
export const addKernel = binaryKernel('add', (a, b) => a + b);
