import { unaryKernel } from '../internal/elementwise';
import { erf64 } from '../internal/erf';

/** The error function, computed in float64 (Cody) then rounded to float32. */
export const erfKernel = unaryKernel('erf', erf64);
