import { binaryKernel } from '../internal/elementwise';

/** Boolean and of 0/1 bytes. */
export const logicalAndKernel = binaryKernel('logicalAnd', (a, b) => a & b);
