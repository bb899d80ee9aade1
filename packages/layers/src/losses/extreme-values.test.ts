import { valueAndGrad } from '@descent/autograd';
import type { Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { runtime } from '../test-utils/fixtures';
import { binaryCrossentropy } from './binary-crossentropy';
import { categoricalCrossentropy } from './categorical-crossentropy';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

const rt = runtime(4);

/** The loss and its gradient with respect to the predictions, read back. */
function lossAndGrad(loss: (y: Tensor, p: Tensor) => Tensor, y: Tensor, pred: number[], shape: number[]) {
  const p = rt.tensor(pred, shape);
  const { value, grads } = valueAndGrad((q: Tensor) => loss(y, q))(p);
  const out = { loss: value.dataSync()[0]!, grad: Array.from(grads.dataSync()) };
  rt.dispose([p, value, grads]);
  return out;
}

describe('cross-entropies stay finite for extreme logits and probabilities of 0 or 1', () => {
  for (const big of [1e4, 1e30]) {
    it(`logits ±${big}: the value is the closed form, the gradient finite`, () => {
      const ids = rt.tensor(new Int32Array([0, 1]), [2], 'int32');
      const oneHot = rt.tensor([1, 0, 0, 1], [2, 2]);
      const logits = [big, -big, big, -big]; // sample 0 right, sample 1 wrong by 2·big
      for (const [name, loss, y] of [
        ['sparse', sparseCategoricalCrossentropy({ fromLogits: true }), ids],
        ['categorical', categoricalCrossentropy({ fromLogits: true }), oneHot],
      ] as const) {
        const r = lossAndGrad(loss, y, logits, [2, 2]);
        expect(r.loss, name).toBe(Math.fround(Math.fround(2 * big) / 2));
        expect(r.grad.every(Number.isFinite), `${name} gradient ${r.grad}`).toBe(true);
      }
      const bce = lossAndGrad(
        binaryCrossentropy({ fromLogits: true }),
        rt.tensor([1, 0], [2, 1]),
        [big, big],
        [2, 1],
      );
      expect(bce.loss).toBe(Math.fround(big / 2));
      expect(bce.grad.every(Number.isFinite)).toBe(true);
      rt.dispose([ids, oneHot]);
    });
  }

  it('log(0): probabilities of exactly 0 and 1 give a finite (clipped) loss and gradient', () => {
    const y = rt.tensor([1, 0, 0, 1], [2, 2]);
    const cce = lossAndGrad(categoricalCrossentropy(), y, [0, 1, 1, 0], [2, 2]);
    expect(Number.isFinite(cce.loss) && cce.loss > 10).toBe(true); // -log(1e-7) ≈ 16.1
    expect(cce.grad.every(Number.isFinite)).toBe(true);
    const bce = lossAndGrad(binaryCrossentropy(), rt.tensor([1, 0], [2, 1]), [0, 1], [2, 1]);
    expect(Number.isFinite(bce.loss) && bce.loss > 10).toBe(true);
    expect(bce.grad.every(Number.isFinite)).toBe(true);
    y.dispose();
  });

  it('a NaN or infinite input is not hidden: the loss is NaN', () => {
    const ids = rt.tensor(new Int32Array([0]), [1], 'int32');
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = lossAndGrad(sparseCategoricalCrossentropy({ fromLogits: true }), ids, [bad, bad], [1, 2]);
      expect(r.loss).toBeNaN();
    }
    ids.dispose();
  });
});
