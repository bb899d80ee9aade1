import { valueAndGrad } from '@descent/autograd';
import { add, matmul, mean, type Runtime, randomNormal, square, sub, type Tensor } from '@descent/core';
import {
  adam,
  adamw,
  applyGradients,
  chain,
  disposeState,
  addDecayedWeights as fromOptimizers,
  type GradientTransform,
  scaleByLearningRate,
  sgd,
} from '@descent/optimizers';
import { describe, expect, it } from 'vitest';
import { addDecayedWeights, l2, treePenalty, weightDecayForL2 } from './index';
import { runtime, values } from './test-utils/runtime';

type Params = { w: Tensor; b: Tensor };

/** A small least-squares problem drawn from the runtime's seeded RNG. */
function problem(rt: Runtime) {
  const x = rt.keep(randomNormal(rt, [16, 4]));
  const y = rt.keep(randomNormal(rt, [16, 3]));
  // Typed arrays as read back: a float64 backend keeps every digit (a number[] is rounded to float32).
  const w0 = randomNormal(rt, [4, 3]).dataSync();
  const b0 = randomNormal(rt, [3]).dataSync();
  const init = (): Params => ({ w: rt.tensor(w0, [4, 3]), b: rt.tensor(b0, [3]) });
  const data = (p: Params) => mean(square(sub(add(matmul(x, p.w), p.b), y)));
  return { x, y, init, data, w0, b0 };
}

/** `steps` optimizer steps of `tx` on `loss`; returns the final parameters' values. */
function train(tx: GradientTransform, init: () => Params, loss: (p: Params) => Tensor, steps: number) {
  const step = valueAndGrad(loss);
  let params = init();
  let state = tx.init(params);
  for (let i = 0; i < steps; i++) {
    const { value, grads } = step(params);
    const next = applyGradients(tx, params, grads, state);
    params.w.runtime.dispose([value, grads, params]);
    ({ params, state } = next);
  }
  const out = { w: values(params.w), b: values(params.b) };
  disposeState(state);
  params.w.runtime.dispose(params);
  return out;
}

const maxDiff = (a: { w: number[]; b: number[] }, b: { w: number[]; b: number[] }) =>
  Math.max(...[...a.w.map((v, i) => Math.abs(v - b.w[i]!)), ...a.b.map((v, i) => Math.abs(v - b.b[i]!))]);

const LAMBDA = 0.05;
const LR = 0.1;
const STEPS = 50;

describe('coupled L2 vs decoupled weight decay', () => {
  it('weightDecayForL2(λ) = 2λ: the rate matching l2(λ) = λ·Σw²', () => {
    expect(weightDecayForL2(0.05)).toBe(0.1);
    expect(weightDecayForL2(0)).toBe(0);
    // The decoupled transform is the optimizers' own, re-exported, not a copy.
    expect(addDecayedWeights).toBe(fromOptimizers);
  });

  for (const precision of ['float64', 'float32'] as const) {
    it(`plain SGD: loss + l2(λ) and addDecayedWeights(2λ) give the same parameters after ${STEPS} steps (${precision})`, () => {
      const rt = runtime(21, { precision });
      const { init, data } = problem(rt);
      const penalty = { w: l2(LAMBDA), b: l2(LAMBDA) };
      // Coupled: the penalty is part of the loss, autograd adds 2λ·w to the gradient.
      const coupled = train(
        sgd({ learningRate: LR }),
        init,
        (p) => add(data(p), treePenalty(p, penalty)),
        STEPS,
      );
      // Decoupled: the data loss only; the transform adds 2λ·w to the update before the learning rate.
      const decoupled = train(
        chain(addDecayedWeights(weightDecayForL2(LAMBDA)), scaleByLearningRate(LR)),
        init,
        data,
        STEPS,
      );
      const plain = train(sgd({ learningRate: LR }), init, data, STEPS);
      const diff = maxDiff(coupled, decoupled);
      expect(diff).toBeLessThan(precision === 'float64' ? 1e-12 : 2e-6);
      // Not vacuous: the decay changed the parameters by far more than that.
      expect(maxDiff(coupled, plain)).toBeGreaterThan(1e-2);
    });
  }

  it('with no data loss both are the closed form w_N = (1 − 2λ·lr)^N · w_0', () => {
    const rt = runtime(22, { precision: 'float64' });
    const { init, w0, b0 } = problem(rt);
    const coupled = train(
      sgd({ learningRate: LR }),
      init,
      (p) => treePenalty(p, { w: l2(LAMBDA), b: l2(LAMBDA) }),
      STEPS,
    );
    const decoupled = train(
      chain(addDecayedWeights(2 * LAMBDA), scaleByLearningRate(LR)),
      init,
      zeroLoss,
      STEPS,
    );
    const f = (1 - 2 * LAMBDA * LR) ** STEPS;
    const expected = { w: Array.from(w0, (v) => v * f), b: Array.from(b0, (v) => v * f) };
    expect(maxDiff(coupled, expected)).toBeLessThan(1e-12);
    expect(maxDiff(decoupled, expected)).toBeLessThan(1e-12);
  });

  it('with Adam they differ: coupled L2 is rescaled by Adam (= PyTorch Adam weight_decay), AdamW is not', () => {
    const rt = runtime(23, { precision: 'float64' });
    const { init, data } = problem(rt);
    const penalty = { w: l2(LAMBDA), b: l2(LAMBDA) };
    const wd = weightDecayForL2(LAMBDA);
    const coupled = train(
      adam({ learningRate: 0.01 }),
      init,
      (p) => add(data(p), treePenalty(p, penalty)),
      STEPS,
    );
    const torchCoupled = train(adam({ learningRate: 0.01, weightDecay: wd }), init, data, STEPS);
    const decoupled = train(adamw({ learningRate: 0.01, weightDecay: wd }), init, data, STEPS);
    // The penalty in the loss is exactly PyTorch's coupled Adam weight_decay = 2λ ...
    expect(maxDiff(coupled, torchCoupled)).toBeLessThan(1e-12);
    // ... and not AdamW's decoupled decay at the same rate.
    expect(maxDiff(coupled, decoupled)).toBeGreaterThan(1e-2);
  });
});

/** A loss with zero gradient everywhere (the parameters times zero). */
function zeroLoss(p: Params): Tensor {
  return add(mean(sub(p.w, p.w)), mean(sub(p.b, p.b)));
}
