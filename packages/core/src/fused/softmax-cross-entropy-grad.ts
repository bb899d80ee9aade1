import { expandDims } from '../composites/expand-dims';
import { softmax } from '../composites/softmax';
import { DTypeError, fmtShape, ShapeError } from '../errors';
import { defineFusedOp } from '../fused-op';
import { assertTensor } from '../internal/op-helpers';
import { mul } from '../ops/mul';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import { checkLogitsAndTargets } from './softmax-cross-entropy';

const NAME = 'softmaxCrossEntropyGrad';

/**
 * Fused op `softmaxCrossEntropyGrad`: inputs `[logits, targets, dy]`, logits and targets of one
 * shape `[..., K]` and dy of shape `[...]`; output `(softmax(logits)·Σ_k targets − targets)·dy`
 * (dy broadcast over the last axis), of the logits' shape.
 */
export const softmaxCrossEntropyGradOp = defineFusedOp<Record<string, never>>({
  name: NAME,
  infer([logits, targets, dy]) {
    checkLogitsAndTargets(NAME, logits!, targets!);
    if (dy!.dtype !== 'float32') throw new DTypeError(NAME, 'float32', dy!.dtype, 'dy');
    const rows = logits!.shape.slice(0, -1);
    if (!shapesEqual(dy!.shape, rows))
      throw new ShapeError(
        NAME,
        `expected dy of shape ${fmtShape(rows)} (one per row), got ${fmtShape(dy!.shape)}`,
      );
    return [{ shape: logits!.shape, dtype: 'float32' }];
  },
  fallback: ([z, t, dy]) => [mul(sub(mul(softmax(z!), sum(t!, -1, true)), t!), expandDims(dy!, -1))],
});

/**
 * The gradient of `softmaxCrossEntropy(logits, targets)` with respect to the logits for the
 * output gradient `dy`: `(softmax(logits)·Σ targets − targets)·dy` per row (`softmax − targets`
 * for distributions). Autograd's rule calls it; one pass per row on backends with a fused kernel.
 *
 * @example
 * softmaxCrossEntropyGrad(rt.tensor([[0, 0]]), rt.tensor([[1, 0]]), rt.tensor([1])); // [[-0.5, 0.5]]
 */
export function softmaxCrossEntropyGrad(logits: Tensor, targets: Tensor, dy: Tensor): Tensor {
  assertTensor(NAME, logits, 'logits');
  assertTensor(NAME, targets, 'targets');
  assertTensor(NAME, dy, 'dy');
  return logits.runtime.runFused(softmaxCrossEntropyGradOp, [logits, targets, dy], {})[0]!;
}
