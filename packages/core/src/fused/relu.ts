import { DTypeError } from '../errors';
import { defineFusedOp } from '../fused-op';
import { assertTensor } from '../internal/op-helpers';
import { lessEqual } from '../ops/less-equal';
import { where } from '../ops/where';
import type { Tensor } from '../tensor';

/** Fused op `relu`: one input (float32 or int32), output `where(x <= 0, 0, x)`. */
export const reluOp = defineFusedOp<Record<string, never>>({
  name: 'relu',
  infer([x]) {
    if (x!.dtype !== 'float32' && x!.dtype !== 'int32')
      throw new DTypeError('relu', ['float32', 'int32'], x!.dtype);
    return [{ shape: x!.shape, dtype: x!.dtype }];
  },
  fallback: ([x]) => [where(lessEqual(x!, 0), 0, x!)],
});

/**
 * max(x, 0); NaN stays NaN and -0 becomes 0. Defined as a select so its gradient is 0 at x = 0,
 * as in PyTorch and TensorFlow (maximum's tie rule would give 1). One pass on backends with a
 * fused kernel (the CPU backend), recorded whole by autograd.
 *
 * @example
 * relu(rt.tensor([-1, 0, 2])); // [0, 0, 2]
 */
export function relu(x: Tensor): Tensor {
  assertTensor('relu', x);
  return x.runtime.runFused(reluOp, [x], {})[0]!;
}
