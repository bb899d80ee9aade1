import { NUMERIC } from '../internal/elementwise';
import { reduction } from '../internal/reduction';

/** Maximum over `axes` (all by default); NaN if any element is NaN. Primitive op `max`. */
export const max = reduction('max', NUMERIC, false);
