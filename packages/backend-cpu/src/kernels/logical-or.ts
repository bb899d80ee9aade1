import { binaryKernel } from '../internal/elementwise';

/** Boolean or of 0/1 bytes. */
export const logicalOrKernel = binaryKernel('logicalOr', (a, b) => a | b);
