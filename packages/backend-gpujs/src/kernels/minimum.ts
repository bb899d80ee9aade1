import { numericBinary } from '../internal/elementwise';
import * as F from '../internal/float-math';
import * as I from '../internal/int32';

/** Elementwise minimum; NaN if either is NaN. */
export const minimumKernel = numericBinary('minimum', F.minimum, (e, a, b) =>
  I.select(e, I.less(b, a), b, a),
);
