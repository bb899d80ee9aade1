import { unaryKernel } from '../internal/elementwise';

/** Round toward -Infinity. */
export const floorKernel = unaryKernel('floor', Math.floor);
