import { NUMERIC } from '../internal/elementwise';
import { reduction } from '../internal/reduction';

/**
 * Sum over `axes` (all by default); empty sums are 0. Primitive op `sum`.
 *
 * @example
 * sum(x, -1, true); // row sums, keeping the axis
 */
export const sum = reduction('sum', NUMERIC, true);
