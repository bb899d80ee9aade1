import { valueAndGrad } from '@descent/autograd';
import { InvalidArgumentError, matmul, randomNormal, reshape, type Tensor } from '@descent/core';
import { Dense, type LayerParams, meanSquaredError, sequential } from '@descent/layers';
import { applyGradients, sgd } from '@descent/optimizers';
import { describe, expect, it } from 'vitest';
import { defineConstraint, type WeightConstraint } from '../define-constraint';
import { columnNorms, expectClose, runtime, values } from '../test-utils/runtime';
import { maxNorm } from './max-norm';
import { minMaxNorm } from './min-max-norm';
import { nonNeg } from './non-neg';
import { unitNorm } from './unit-norm';

const rt = runtime(11);
/** [[3, 0], [4, 1]]: column norms 5 and 1, row norms 3 and √17. */
const W = [3, 0, 4, 1];
const applied = (c: WeightConstraint, w = W, shape = [2, 2]) => values(c.apply(rt.tensor(w, shape)));
const close = expectClose;

describe('constraints follow Keras (per-column norms over axis 0 by default)', () => {
  it('maxNorm rescales only the columns above the limit', () => {
    close(applied(maxNorm(2)), [1.2, 0, 1.6, 1]);
    expect(maxNorm().getConfig()).toEqual({ maxValue: 2, axis: 0 });
  });

  it('configs are copies: neither the caller nor getConfig can change a constraint', () => {
    const axis = [0];
    const c = maxNorm(1, { axis });
    axis.push(1);
    (c.getConfig().axis as number[]).push(1);
    expect(c.config.axis).toEqual([0]);
    expect(c.getConfig()).toEqual({ maxValue: 1, axis: [0] });
  });

  it('maxNorm over axis 1 (rows), and a negative axis', () => {
    const s = 2 / Math.sqrt(17);
    close(applied(maxNorm(2, { axis: 1 })), [2, 0, 4 * s, 1 * s]);
    close(applied(maxNorm({ maxValue: 2, axis: -1 })), [2, 0, 4 * s, 1 * s]);
  });

  it('maxNorm over [0, 1, 2] bounds each filter of a Conv2D HWIO kernel, and a bias as one vector', () => {
    const kernel = randomNormal(rt, [3, 3, 2, 4], { std: 2 });
    const out = values(maxNorm(1, { axis: [0, 1, 2] }).apply(kernel));
    const filterNorms = columnNorms(out, 18, 4);
    for (const n of filterNorms) expect(n).toBeLessThanOrEqual(1 + 1e-6);
    close(filterNorms, [1, 1, 1, 1]);
    close(applied(maxNorm(1), [3, 4], [2]), [0.6, 0.8]);
  });

  it('unitNorm scales every column to norm 1 and leaves a zero column at zero', () => {
    close(applied(unitNorm()), [0.6, 0, 0.8, 1]);
    close(applied(unitNorm(), [3, 0, 4, 0]), [0.6, 0, 0.8, 0]);
    close(applied(unitNorm({ axis: 1 })), [1, 0, 4 / Math.sqrt(17), 1 / Math.sqrt(17)]);
  });

  it('nonNeg zeroes the negative weights', () => {
    // Keras' w·(w ≥ 0): a negative weight becomes -0, which is ≥ 0 like +0.
    expect(applied(nonNeg(), [-1, 2, 0, -3]).map((v) => v + 0)).toEqual([0, 2, 0, 0]);
    expect(nonNeg().getConfig()).toEqual({});
  });

  it('minMaxNorm clips column norms into [min, max]; rate < 1 moves part of the way', () => {
    close(applied(minMaxNorm({ minValue: 2, maxValue: 4 })), [2.4, 0, 3.2, 2]);
    // rate 0.5: column 0 goes to 0.5·4 + 0.5·5 = 4.5, column 1 to 0.5·2 + 0.5·1 = 1.5.
    close(applied(minMaxNorm({ minValue: 2, maxValue: 4, rate: 0.5 })), [2.7, 0, 3.6, 1.5]);
    close(applied(minMaxNorm({ minValue: 2, maxValue: 4 }), [3, 0, 4, 0]), [2.4, 0, 3.2, 0]);
    expect(minMaxNorm().getConfig()).toEqual({ minValue: 0, maxValue: 1, rate: 1, axis: 0 });
  });

  it('an axis that does not fit the weight is a typed error naming the constraint and the shape', () => {
    expect(() => maxNorm(2, { axis: 2 }).apply(rt.tensor(W, [2, 2]))).toThrow(InvalidArgumentError);
    expect(() => maxNorm(2, { axis: 2 }).apply(rt.tensor(W, [2, 2]))).toThrow(
      /MaxNorm: axis 2 does not fit a weight of shape \[2,2\]/,
    );
    expect(() => unitNorm({ axis: [0, -2] }).apply(rt.tensor(W, [2, 2]))).toThrow(/names an axis twice/);
  });

  it('defineConstraint refuses a projection that changes the shape', () => {
    const bad = defineConstraint({ className: 'Flatten', defaults: {}, apply: (w) => reshape(w, [4]) });
    expect(() => bad().apply(rt.tensor(W, [2, 2]))).toThrow(
      /Flatten: a constraint must keep the weight's shape and dtype \(float32 \[2,2\]\), got float32 \[4\]/,
    );
  });
});

describe('a constraint keeps every update inside its set', () => {
  const inside: [string, () => WeightConstraint, (kernel: number[]) => void][] = [
    [
      'maxNorm(0.5)',
      () => maxNorm(0.5),
      (k) => {
        for (const n of columnNorms(k, 6, 4)) expect(n).toBeLessThanOrEqual(0.5 * (1 + 1e-6));
      },
    ],
    [
      'unitNorm()',
      () => unitNorm(),
      (k) => {
        for (const n of columnNorms(k, 6, 4)) expect(Math.abs(n - 1)).toBeLessThanOrEqual(1e-5);
      },
    ],
    [
      'nonNeg()',
      () => nonNeg(),
      (k) => {
        for (const v of k) expect(v).toBeGreaterThanOrEqual(0);
      },
    ],
    [
      'minMaxNorm(0.5, 1)',
      () => minMaxNorm({ minValue: 0.5, maxValue: 1 }),
      (k) => {
        for (const n of columnNorms(k, 6, 4)) {
          expect(n).toBeGreaterThanOrEqual(0.5 * (1 - 1e-5));
          expect(n).toBeLessThanOrEqual(1 + 1e-5);
        }
      },
    ],
  ];

  it.each(inside)('%s: 300 SGD steps on a Dense kernel, checked after every update', (_, make, check) => {
    const x = rt.keep(randomNormal(rt, [64, 6]));
    // A teacher with large weights of both signs: unconstrained steps leave every set.
    const y = rt.keep(rt.tidy(() => matmul(x, randomNormal(rt, [6, 4], { std: 3 }))));
    const model = sequential([
      new Dense({ units: 4, inputShape: [6], useBias: false, kernelConstraint: make() }),
    ]).init(rt);
    const kernel = () => values((model.params().dense as { kernel: Tensor }).kernel);
    const tx = sgd({ learningRate: 0.05 });
    let state = tx.init(model.trainableParams());
    const mse = meanSquaredError();
    let left = 0;
    let firstLoss = 0;
    let lastLoss = 0;
    for (let step = 0; step < 300; step++) {
      rt.tidy(() => {
        const params = model.trainableParams();
        const { value, grads } = valueAndGrad((p: LayerParams) => mse(y, model.apply(p, x)))(params);
        if (step === 0) firstLoss = value.dataSync()[0]!;
        lastLoss = value.dataSync()[0]!;
        const next = applyGradients(tx, params, grads, state);
        model.assign(next.params);
        const before = kernel();
        model.applyConstraints();
        const after = kernel();
        if (before.some((v, i) => Math.abs(v - after[i]!) > 1e-6)) left++;
        check(after);
        state = next.state;
      });
    }
    // The constraint had work to do on (nearly) every step, and training still made progress.
    expect(left).toBeGreaterThan(250);
    expect(lastLoss).toBeLessThan(firstLoss);
    model.dispose();
    rt.dispose([x, y]);
  });
});
