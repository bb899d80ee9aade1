import { numericBinary } from '../internal/elementwise';
import * as F from '../internal/float-math';
import * as I from '../internal/int32';

/** Elementwise maximum; NaN if either is NaN. */
export const maximumKernel = numericBinary('maximum', F.maximum, (e, a, b) =>
  I.select(e, I.less(a, b), b, a),
);
