import { assertTensor } from '../internal/op-helpers';
import { reshape } from '../ops/reshape';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';

/**
 * Inserts a size-1 axis at `axis` (a view).
 *
 * @example
 * expandDims(x, 0); // [3] → [1, 3]
 */
export function expandDims(x: Tensor, axis = 0): Tensor {
  assertTensor('expandDims', x);
  const a = normalizeAxis('expandDims', axis, x.rank + 1);
  return reshape(x, [...x.shape.slice(0, a), 1, ...x.shape.slice(a)]);
}
