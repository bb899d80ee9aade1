import { unaryKernel } from '../internal/elementwise';
import { roundHalfEven } from '../internal/math';

/** Round half to even. */
export const roundKernel = unaryKernel('round', roundHalfEven);
