import { unaryKernel } from '../internal/elementwise';

/** Boolean not. */
export const logicalNotKernel = unaryKernel('logicalNot', (x) => (x === 0 ? 1 : 0));
