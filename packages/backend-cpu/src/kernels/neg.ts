import { unaryKernel } from '../internal/elementwise';

/** Negation; int32 -(-2³¹) wraps to itself. */
export const negKernel = unaryKernel('neg', (x) => -x);
