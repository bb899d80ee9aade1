import { floatUnary } from '../internal/elementwise';
import * as F from '../internal/float-math';

/** The error function: Cody's rational approximations (as the CPU backend) in float32. */
export const erfKernel = floatUnary('erf', F.erf);
