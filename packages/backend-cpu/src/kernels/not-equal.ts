import { binaryKernel } from '../internal/elementwise';

/** a != b. */
export const notEqualKernel = binaryKernel('notEqual', (a, b) => (a !== b ? 1 : 0));
