import { binaryKernel } from '../internal/elementwise';

/** a * b; int32 products wrap like C (Math.imul). */
export const mulKernel = binaryKernel('mul', (a, b) => a * b, Math.imul);
