import { grad } from '@descent/autograd';
import { InvalidArgumentError, ShapeError, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { binaryCrossentropy } from './losses/binary-crossentropy';
import { categoricalCrossentropy } from './losses/categorical-crossentropy';
import { huber } from './losses/huber';
import { meanAbsoluteError } from './losses/mean-absolute-error';
import { meanSquaredError } from './losses/mean-squared-error';
import { resolveLoss } from './losses/resolve-loss';
import { sparseCategoricalCrossentropy } from './losses/sparse-categorical-crossentropy';
import { runtime } from './test-utils/fixtures';

const rt = runtime();

describe('losses', () => {
  it('closed forms', () => {
    const y = rt.tensor([
      [0, 1],
      [2, 3],
    ]);
    const p = rt.tensor([
      [1, 1],
      [2, 5],
    ]);
    expect(meanSquaredError()(y, p).dataSync()[0]).toBe((1 + 0 + 0 + 4) / 4);
    expect(meanAbsoluteError()(y, p).dataSync()[0]).toBe((1 + 0 + 0 + 2) / 4);
    expect(huber()(y, p).dataSync()[0]).toBe((0.5 + 0 + 0 + 1.5) / 4);
    expect(Array.from(meanSquaredError({ reduction: 'none' })(y, p).dataSync())).toEqual([0.5, 2]);
    expect(meanSquaredError({ reduction: 'sum' })(y, p).dataSync()[0]).toBe(2.5);
    // log 2 for a zero logit, whatever the label.
    expect(
      binaryCrossentropy({ fromLogits: true })(rt.tensor([[1, 0]]), rt.tensor([[0, 0]])).dataSync()[0],
    ).toBeCloseTo(Math.LN2, 6);
    expect(
      categoricalCrossentropy({ fromLogits: true })(
        rt.tensor([[0, 1, 0, 0]]),
        rt.tensor([[3, 3, 3, 3]]),
      ).dataSync()[0],
    ).toBeCloseTo(Math.log(4), 6);
  });

  it('from logits is finite for any logits, values and gradients', () => {
    const huge = rt.tensor([
      [1000, -1000, 0],
      [-1e30, 1e30, 5],
    ]);
    const cases: [string, (p: Tensor) => Tensor][] = [
      [
        'bce',
        (p) =>
          binaryCrossentropy({ fromLogits: true })(
            rt.tensor([
              [1, 1, 0],
              [0, 1, 1],
            ]),
            p,
          ),
      ],
      [
        'cce',
        (p) =>
          categoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 })(
            rt.tensor([
              [0, 1, 0],
              [1, 0, 0],
            ]),
            p,
          ),
      ],
      [
        'sparse',
        (p) => sparseCategoricalCrossentropy({ fromLogits: true })(rt.tensor(new Int32Array([1, 0]), [2]), p),
      ],
    ];
    for (const [name, f] of cases) {
      const v = f(huge).dataSync()[0]!;
      expect(Number.isFinite(v), `${name}: ${v}`).toBe(true);
      const g = grad(f)(huge).dataSync();
      expect([...g].every(Number.isFinite), `${name} gradient ${g}`).toBe(true);
    }
    // From probabilities, 0 and 1 are clipped to [1e-7, 1 - 1e-7] as Keras does: large but finite
    // (-log 1e-7 ≈ 16.1; 1 - 1e-7 rounds in float32).
    const bce = binaryCrossentropy()(rt.tensor([[1, 0]]), rt.tensor([[0, 1]])).dataSync()[0]!;
    expect(bce).toBeGreaterThan(15.5);
    expect(bce).toBeLessThan(16.2);
  });

  it('sparse labels may be [n], [n, 1], int32 or float32', () => {
    const logits = rt.tensor([
      [1, 2, 3],
      [3, 1, 0],
    ]);
    const loss = sparseCategoricalCrossentropy({ fromLogits: true });
    const a = loss(rt.tensor(new Int32Array([2, 0]), [2]), logits).dataSync()[0];
    expect(loss(rt.tensor([[2], [0]]), logits).dataSync()[0]).toBe(a);
    expect(() => loss(rt.tensor(new Int32Array([2]), [1]), logits)).toThrow(ShapeError);
  });

  it('checks shapes, dtypes and options, naming the loss', () => {
    expect(() => meanSquaredError()(rt.tensor([[1, 2]]), rt.tensor([[1, 2, 3]]))).toThrow(
      /meanSquaredError: yTrue \[1,2\] and yPred \[1,3\] must have the same shape/,
    );
    expect(() => meanSquaredError()(rt.tensor(new Int32Array([1]), [1]), rt.tensor([1]))).toThrow(
      InvalidArgumentError,
    );
    expect(() => huber({ delta: 0 })).toThrow(/delta must be > 0/);
    expect(() => categoricalCrossentropy({ labelSmoothing: 2 })).toThrow(
      /labelSmoothing must be in \[0, 1\]/,
    );
    expect(() => meanSquaredError({ reduction: 'avg' as never })).toThrow(/reduction must be one of/);
  });

  it('carry their name and options, and resolve by name', () => {
    const loss = categoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 });
    expect(loss.className).toBe('categoricalCrossentropy');
    expect(loss.getConfig()).toEqual({ fromLogits: true, labelSmoothing: 0.1, reduction: 'mean' });
    const again = resolveLoss(rt, { className: loss.className, config: loss.getConfig() });
    const y = rt.tensor([[0, 1]]);
    const p = rt.tensor([[0.3, -0.2]]);
    expect(again(y, p).dataSync()[0]).toBe(loss(y, p).dataSync()[0]);
    const plain = (a: Tensor) => a;
    expect(resolveLoss(rt, plain)).toBe(plain);
    expect(() => resolveLoss(rt, 'hinge')).toThrow(/Unknown loss "hinge"/);
  });
});
