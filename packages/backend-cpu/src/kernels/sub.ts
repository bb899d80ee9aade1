import { binaryKernel } from '../internal/elementwise';

/** a - b; int32 differences wrap on store. */
export const subKernel = binaryKernel('sub', (a, b) => a - b);
