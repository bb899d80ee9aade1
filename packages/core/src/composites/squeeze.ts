import { InvalidArgumentError } from '../errors';
import { assertTensor } from '../internal/op-helpers';
import { reshape } from '../ops/reshape';
import { normalizeAxes } from '../shape';
import type { Tensor } from '../tensor';

/**
 * Drops size-1 axes (all of them, or those given; giving one of another size is an error).
 *
 * @example
 * squeeze(x);    // [1, 3, 1] → [3]
 * squeeze(x, 0); // [1, 3, 1] → [3, 1]
 */
export function squeeze(x: Tensor, axes?: number | readonly number[]): Tensor {
  assertTensor('squeeze', x);
  const ax =
    axes === undefined
      ? x.shape.flatMap((d, i) => (d === 1 ? [i] : []))
      : normalizeAxes('squeeze', axes, x.rank);
  const bad = ax.find((a) => x.shape[a] !== 1);
  if (bad !== undefined)
    throw new InvalidArgumentError('squeeze', `axis ${bad} has size ${x.shape[bad]}, expected 1`);
  return reshape(
    x,
    x.shape.filter((_, i) => !ax.includes(i)),
  );
}
