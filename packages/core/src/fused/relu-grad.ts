import { DTypeError, fmtShape, ShapeError } from '../errors';
import { defineFusedOp } from '../fused-op';
import { assertTensor } from '../internal/op-helpers';
import { lessEqual } from '../ops/less-equal';
import { where } from '../ops/where';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';

const NAME = 'reluGrad';

/** Fused op `reluGrad`: inputs `[dy, x]` of one shape, output `where(x <= 0, 0, dy)`. */
export const reluGradOp = defineFusedOp<Record<string, never>>({
  name: NAME,
  infer([dy, x]) {
    for (const [what, t] of [
      ['dy', dy!],
      ['x', x!],
    ] as const)
      if (t.dtype !== 'float32') throw new DTypeError(NAME, 'float32', t.dtype, what);
    if (!shapesEqual(dy!.shape, x!.shape))
      throw new ShapeError(
        NAME,
        `expected x of dy's shape ${fmtShape(dy!.shape)}, got ${fmtShape(x!.shape)}`,
      );
    return [{ shape: dy!.shape, dtype: 'float32' }];
  },
  fallback: ([dy, x]) => [where(lessEqual(x!, 0), 0, dy!)],
});

/**
 * The gradient of `relu` at `x` for the output gradient `dy`: dy where x > 0 (or NaN), else 0.
 * Autograd's relu rule calls it; one pass on backends with a fused kernel.
 *
 * @example
 * reluGrad(rt.tensor([1, 1, 1]), rt.tensor([-1, 0, 2])); // [0, 0, 1]
 */
export function reluGrad(dy: Tensor, x: Tensor): Tensor {
  assertTensor(NAME, dy, 'dy');
  assertTensor(NAME, x, 'x');
  return dy.runtime.runFused(reluGradOp, [dy, x], {})[0]!;
}
