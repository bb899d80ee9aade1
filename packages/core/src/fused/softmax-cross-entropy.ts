import { logSoftmax } from '../composites/log-softmax';
import { DTypeError, fmtShape, ShapeError } from '../errors';
import { defineFusedOp } from '../fused-op';
import { assertTensor } from '../internal/op-helpers';
import { mul } from '../ops/mul';
import { neg } from '../ops/neg';
import { sum } from '../ops/sum';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import type { TensorInfo } from '../types';

const NAME = 'softmaxCrossEntropy';

/**
 * The checks of the softmax cross-entropy ops (`op` names the op in errors): float32 logits of
 * rank 1 or more (classes last), and float32 targets of their shape.
 */
export function checkLogitsAndTargets(op: string, logits: TensorInfo, targets: TensorInfo): void {
  for (const [what, x] of [
    ['logits', logits],
    ['targets', targets],
  ] as const) {
    if (x.dtype !== 'float32') throw new DTypeError(op, 'float32', x.dtype, what);
  }
  if (logits.shape.length === 0)
    throw new ShapeError(op, 'expected logits of rank 1 or more (classes last), got a scalar');
  if (!shapesEqual(logits.shape, targets.shape))
    throw new ShapeError(
      op,
      `expected targets of the logits' shape ${fmtShape(logits.shape)}, got ${fmtShape(targets.shape)}`,
    );
}

/**
 * Fused op `softmaxCrossEntropy`: inputs `[logits, targets]` of one shape `[..., K]`, output
 * `-Σ_k targets·logSoftmax(logits)` over the last axis, shape `[...]`.
 */
export const softmaxCrossEntropyOp = defineFusedOp<Record<string, never>>({
  name: NAME,
  infer([logits, targets]) {
    checkLogitsAndTargets(NAME, logits!, targets!);
    return [{ shape: logits!.shape.slice(0, -1), dtype: 'float32' }];
  },
  fallback: ([logits, targets]) => [neg(sum(mul(targets!, logSoftmax(logits!, -1)), -1))],
});

/**
 * Cross-entropy of `softmax(logits)` against target distributions (one-hot or soft) over the
 * last axis, one value per row: TF's `softmax_cross_entropy_with_logits`, PyTorch's
 * `cross_entropy(logits, probs, reduction='none')`. Finite for any finite logits. One pass on
 * backends with a fused kernel (the CPU backend), recorded whole by autograd, which has its rule.
 *
 * @example
 * const losses = softmaxCrossEntropy(logits, oneHot(labels, 10)); // [batch]
 */
export function softmaxCrossEntropy(logits: Tensor, targets: Tensor): Tensor {
  assertTensor(NAME, logits, 'logits');
  assertTensor(NAME, targets, 'targets');
  return logits.runtime.runFused(softmaxCrossEntropyOp, [logits, targets], {})[0]!;
}
