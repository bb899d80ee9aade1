import { InvalidArgumentError, ShapeError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { meanSquaredError } from './losses/mean-squared-error';
import { binaryAccuracy } from './metrics/binary-accuracy';
import { builtinMetrics } from './metrics/builtin-metrics';
import { categoricalAccuracy } from './metrics/categorical-accuracy';
import { meanLoss } from './metrics/mean-loss';
import { meanMetric } from './metrics/mean-metric';
import { precision } from './metrics/precision';
import { recall } from './metrics/recall';
import { resolveMetric } from './metrics/resolve-metric';
import { sparseCategoricalAccuracy } from './metrics/sparse-categorical-accuracy';
import { sparseTopKCategoricalAccuracy } from './metrics/sparse-top-k-categorical-accuracy';
import { topKCategoricalAccuracy } from './metrics/top-k-categorical-accuracy';
import { runtime } from './test-utils/fixtures';

const rt = runtime();
const ids = (...v: number[]) => rt.tensor(new Int32Array(v), [v.length]);
const probs = () =>
  rt.tensor([
    [0.1, 0.8, 0.1],
    [0.3, 0.6, 0.1],
    [0.2, 0.2, 0.6],
  ]);

describe('metrics, against hand-computed values', () => {
  it('binaryAccuracy accumulates over batches', async () => {
    const m = binaryAccuracy();
    m.update(rt.tensor([[1], [0], [1], [0]]), rt.tensor([[0.8], [0.7], [0.4], [0.1]])); // right: 1st, 4th
    expect(await m.value()).toBe(0.5);
    m.update(rt.tensor([[1], [1]]), rt.tensor([[0.9], [0.6]])); // both right
    expect(await m.value()).toBeCloseTo(4 / 6, 6);
    const multi = binaryAccuracy({ threshold: 0 });
    multi.update(
      rt.tensor([
        [1, 0],
        [0, 0],
      ]),
      rt.tensor([
        [2, 1],
        [-1, -3],
      ]),
    ); // per sample 1/2 and 2/2
    expect(await multi.value()).toBe(0.75);
  });

  it('categorical and sparse categorical accuracy', async () => {
    const c = categoricalAccuracy();
    c.update(
      rt.tensor([
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 1],
      ]),
      probs(),
    ); // right, wrong, right
    expect(await c.value()).toBeCloseTo(2 / 3, 6);
    const s = sparseCategoricalAccuracy();
    s.update(ids(1, 0, 2), probs());
    expect(await s.value()).toBeCloseTo(2 / 3, 6);
    s.update(rt.tensor([[1], [1], [0]]), probs()); // float labels of shape [n, 1]: right, right, wrong
    expect(await s.value()).toBeCloseTo(4 / 6, 6);
  });

  it('top-k accuracy counts ties at the boundary as in (like tf.math.in_top_k)', async () => {
    const preds = () =>
      rt.tensor([
        [0.1, 0.8, 0.1],
        [0.3, 0.6, 0.1],
        [0.5, 0.3, 0.2],
      ]);
    // label 2 (0.1; only 0.8 above), label 0 (0.3; 0.6 above), label 2 (0.2; two above) → in, in, out
    const s = sparseTopKCategoricalAccuracy({ k: 2 });
    s.update(ids(2, 0, 2), preds());
    expect(await s.value()).toBeCloseTo(2 / 3, 6);
    const c = topKCategoricalAccuracy({ k: 2 });
    c.update(
      rt.tensor([
        [0, 0, 1],
        [1, 0, 0],
        [0, 0, 1],
      ]),
      preds(),
    );
    expect(await c.value()).toBeCloseTo(2 / 3, 6);
    const top1 = sparseTopKCategoricalAccuracy({ k: 1 });
    top1.update(ids(1, 1, 0), preds());
    expect(await top1.value()).toBe(1);
  });

  it('precision and recall over every element seen', async () => {
    const yTrue = () => rt.tensor([1, 0, 1, 1, 0, 0]);
    const yPred = () => rt.tensor([0.9, 0.6, 0.4, 0.8, 0.2, 0.7]); // predicted 1,1,0,1,0,1: tp 2, fp 2, fn 1
    const p = precision();
    const r = recall();
    p.update(yTrue(), yPred());
    r.update(yTrue(), yPred());
    expect(await p.value()).toBe(0.5);
    expect(await r.value()).toBeCloseTo(2 / 3, 6);
    p.update(rt.tensor([1, 1]), rt.tensor([0.9, 0.95])); // tp 4, fp 2
    expect(await p.value()).toBeCloseTo(4 / 6, 6);
    const none = precision({ threshold: 0.99 });
    none.update(yTrue(), yPred()); // nothing predicted positive: 0, not NaN
    expect(await none.value()).toBe(0);
  });

  it('meanLoss counts samples, however batches are sized; meanMetric weights values', async () => {
    const m = meanLoss(meanSquaredError(), { name: 'val_loss' });
    expect(m.name).toBe('val_loss');
    m.update(
      rt.tensor([
        [0, 0],
        [1, 1],
      ]),
      rt.tensor([
        [1, 1],
        [1, 3],
      ]),
    ); // per sample 1, 2
    m.update(rt.tensor([[0, 0]]), rt.tensor([[0, 2]])); // 2
    expect(await m.value()).toBeCloseTo(5 / 3, 6);
    const loss = meanMetric({ name: 'loss' });
    loss.update(rt.scalar(2), 10);
    loss.update(rt.scalar(4), 30);
    expect(await loss.value()).toBe(3.5);
  });

  it('reset starts over; result needs a first update, value is 0 before one', async () => {
    const m = sparseCategoricalAccuracy();
    expect(await m.value()).toBe(0);
    expect(() => m.result()).toThrow(InvalidArgumentError);
    m.update(ids(1, 0, 2), probs());
    const r = m.result();
    expect(r.shape).toEqual([]);
    r.dispose();
    m.reset();
    expect(await m.value()).toBe(0);
    m.update(ids(1, 1, 2), probs());
    expect(await m.value()).toBe(1);
  });

  it('state stays on the device: updates leave only the running sums alive', () => {
    const m = precision();
    const yTrue = rt.keep(rt.tensor([1, 0, 1]));
    const yPred = rt.keep(rt.tensor([0.9, 0.2, 0.8]));
    m.update(yTrue, yPred);
    const before = rt.memory().numTensors;
    for (let i = 0; i < 5; i++) m.update(yTrue, yPred);
    expect(rt.memory().numTensors).toBe(before);
    m.dispose();
    expect(rt.memory().numTensors).toBe(before - 3);
  });

  it('checks shapes and resolves names', () => {
    expect(() => categoricalAccuracy().update(rt.tensor([[1, 0]]), rt.tensor([[1, 0, 0]]))).toThrow(
      ShapeError,
    );
    expect(() => sparseCategoricalAccuracy().update(ids(1, 2), probs())).toThrow(
      /labels \[2\] must have shape \[3\]/,
    );
    expect(resolveMetric(rt, 'precision').className).toBe('precision');
    expect(
      resolveMetric(rt, { className: 'sparseTopKCategoricalAccuracy', config: { k: 3 } }).getConfig(),
    ).toEqual({ k: 3 });
    expect(Object.keys(builtinMetrics).sort()).toEqual([
      'binaryAccuracy',
      'categoricalAccuracy',
      'precision',
      'recall',
      'sparseCategoricalAccuracy',
      'sparseTopKCategoricalAccuracy',
      'topKCategoricalAccuracy',
    ]);
    const m = resolveMetric(rt, 'recall');
    expect(resolveMetric(rt, m)).toBe(m);
    expect(() => resolveMetric(rt, 'auc')).toThrow(/Unknown metric "auc"/);
  });
});
