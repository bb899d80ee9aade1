import { valueAndGrad } from '@descent/autograd';
import { add, InvalidArgumentError, mean, randomNormal, square, sub, sum, type Tensor } from '@descent/core';
import {
  BatchNormalization,
  Dense,
  LayerError,
  type LayerParams,
  meanSquaredError,
  sequential,
} from '@descent/layers';
import { adam, applyGradients, disposeState } from '@descent/optimizers';
import { describe, expect, it } from 'vitest';
import { activityPenalty } from './activity-penalty';
import { PenaltyPathError } from './errors';
import { penalized } from './penalized';
import { l1 } from './penalties/l1';
import { l2 } from './penalties/l2';
import { penaltyLoss } from './penalty-loss';
import { expectClose, runtime, scalar, values } from './test-utils/runtime';
import { treePenalty } from './tree-penalty';

const rt = runtime(31);
const sumSq = (v: number[]) => v.reduce((s, x) => s + x * x, 0);
const sumAbs = (v: number[]) => v.reduce((s, x) => s + Math.abs(x), 0);
const weights = (model: { params(): LayerParams }, layer: string, name: string) =>
  values((model.params()[layer] as Record<string, Tensor>)[name]!);

function mlp() {
  return sequential([
    new Dense({ units: 8, activation: 'tanh', inputShape: [3], kernelRegularizer: l2(1e-2) }),
    new Dense({ units: 1, kernelRegularizer: l1(1e-2) }),
  ]).init(rt);
}

describe('penaltyLoss: the model total penalty', () => {
  it("sums the layers' regularizers and the extra penalties attached by path; gradients reach the params", () => {
    const model = mlp();
    const k0 = weights(model, 'dense', 'kernel');
    const k1 = weights(model, 'dense_1', 'kernel');
    const b1 = [0.5];
    const trainable = model.trainableParams() as Record<string, Record<string, Tensor>>;
    const params = { dense: trainable.dense!, dense_1: { ...trainable.dense_1!, bias: rt.tensor(b1) } };
    const layersOnly = 1e-2 * sumSq(k0) + 1e-2 * sumAbs(k1);
    expect(scalar(penaltyLoss(model))).toBeCloseTo(layersOnly, 6);
    const extra = { 'dense_1/bias': l2(0.1), 'dense/kernel': [l1(1e-3)] };
    // The given bias (0.5) counts, not the model's (0).
    const total = layersOnly + 0.1 * 0.25 + 1e-3 * sumAbs(k0);
    expect(scalar(penaltyLoss(model, params, extra))).toBeCloseTo(total, 6);
    const { grads } = valueAndGrad((p: LayerParams) => penaltyLoss(model, p, extra))(params);
    const g = grads as Record<string, Record<string, Tensor>>;
    expectClose(
      values(g.dense!.kernel!),
      k0.map((v) => 2e-2 * v + 1e-3 * Math.sign(v)),
      6,
    );
    expect(values(g.dense_1!.bias!)[0]).toBeCloseTo(0.1 * 2 * 0.5, 6);
    expect(values(g.dense!.bias!)).toEqual(new Array(8).fill(0));
    model.dispose();
  });

  it('extra penalties reach weights whose layer has none (a BatchNormalization gamma)', () => {
    const model = sequential([new Dense({ units: 2, inputShape: [2] }), new BatchNormalization()]).init(rt);
    expect(scalar(penaltyLoss(model))).toBe(0);
    // gamma starts at ones: 1e-2 · 2.
    expect(scalar(penaltyLoss(model, undefined, { 'batch_normalization/gamma': l2(1e-2) }))).toBeCloseTo(
      0.02,
      7,
    );
    model.dispose();
  });

  it('a penalty attached to a missing parameter path is a PenaltyPathError naming the layer and parameter', () => {
    const model = mlp();
    const attach = (path: string) => () => penaltyLoss(model, undefined, { [path]: l2(0.1) });
    expect(attach('dense_1/kernal')).toThrow(PenaltyPathError);
    expect(attach('dense_1/kernal')).toThrow(
      'penaltyLoss: a penalty is attached to "dense_1/kernal", but layer "dense_1" has no parameter "kernal" (it has: kernel, bias)',
    );
    expect(attach('dense_9/kernel')).toThrow(
      'a penalty is attached to "dense_9/kernel", but there is no layer "dense_9" (there are: dense, dense_1)',
    );
    expect(attach('dense')).toThrow(
      '"dense", which is a layer, not a parameter (attach it to one of: dense/kernel, dense/bias)',
    );
    const err = (() => {
      try {
        attach('dense_1/kernal')();
      } catch (e) {
        return e as PenaltyPathError;
      }
    })();
    expect(err).toMatchObject({ code: 'PENALTY_PATH', path: 'dense_1/kernal', layer: 'dense_1' });
    expect(err?.available).toEqual(['kernel', 'bias']);
    // Parameters with a path the model lacks are refused too (layers' regularizationLoss would ignore them).
    expect(() => penaltyLoss(model, { dense: { kernal: rt.tensor([1]) } })).toThrow(
      'penaltyLoss: params hold "dense/kernal", but layer "dense" has no parameter "kernal" (it has: kernel, bias)',
    );
    expect(() => penaltyLoss(model, undefined, { 'dense/kernel': { className: 'x' } as never })).toThrow(
      InvalidArgumentError,
    );
    model.dispose();
  });

  it('an unbuilt model is a LayerError', () => {
    expect(() => penaltyLoss(sequential([new Dense({ units: 1 })]))).toThrow(LayerError);
  });
});

describe('penalized: the penalty added to the loss and reported separately in a training loop', () => {
  it('Adam on an MLP: logs loss = dataLoss + penalty every step, the penalty matches the weights, no leaks', () => {
    const model = mlp();
    const x = rt.keep(randomNormal(rt, [32, 3]));
    const y = rt.keep(rt.tidy(() => sum(square(x), 1, true)));
    const mse = meanSquaredError();
    const objective = penalized(model, (p: LayerParams) => mse(y, model.apply(p, x, { training: true })), {
      'dense_1/bias': l2(0.5),
    });
    const tx = adam({ learningRate: 0.01 });
    let state = tx.init(model.trainableParams());
    const logs: { loss: number; dataLoss: number; penalty: number; expected: number }[] = [];
    const before = rt.memory().numTensors;
    for (let step = 0; step < 100; step++) {
      const expected =
        1e-2 * sumSq(weights(model, 'dense', 'kernel')) +
        1e-2 * sumAbs(weights(model, 'dense_1', 'kernel')) +
        0.5 * sumSq(weights(model, 'dense_1', 'bias'));
      const params = model.trainableParams();
      const { value, grads } = valueAndGrad(objective)(params);
      const terms = objective.takeTerms()!;
      logs.push({
        loss: scalar(value),
        dataLoss: scalar(terms.dataLoss),
        penalty: scalar(terms.penalty),
        expected,
      });
      const next = applyGradients(tx, params, grads, state);
      model.assign(next.params);
      rt.dispose([value, grads, next.params, terms.dataLoss, terms.penalty]);
      state = next.state;
    }
    disposeState(state);
    const after = rt.memory().numTensors;
    for (const l of logs) {
      expect(l.loss).toBeCloseTo(l.dataLoss + l.penalty, 5);
      expect(l.penalty).toBeCloseTo(l.expected, 5);
      expect(l.penalty).toBeGreaterThan(0);
    }
    expect(logs.at(-1)!.dataLoss).toBeLessThan(logs[0]!.dataLoss / 2);
    // Terms not taken are freed by the next call; after the loop nothing is left behind.
    rt.tidy(() => {
      objective(model.trainableParams());
      objective(model.trainableParams());
    });
    const last = objective.takeTerms()!;
    rt.dispose([last.dataLoss, last.penalty]);
    expect(objective.takeTerms()).toBeUndefined();
    expect(rt.memory().numTensors).toBe(after);
    expect(after).toBeLessThanOrEqual(before);
    model.dispose();
    rt.dispose([x, y]);
  });
});

describe('treePenalty and activityPenalty', () => {
  it('treePenalty attaches penalties to a plain parameter tree by path', () => {
    const p = { w: rt.tensor([1, -2], [2, 1]), layer: { b: rt.tensor([3]) } };
    expect(scalar(treePenalty(p, { w: l1(0.5), 'layer/b': l2(0.1) }))).toBeCloseTo(1.5 + 0.9, 6);
    expect(scalar(treePenalty(p, {}))).toBe(0);
    expect(() => treePenalty(p, { 'layer/c': l2(0.1) })).toThrow(
      'treePenalty: a penalty is attached to "layer/c", but layer "layer" has no parameter "c" (it has: b)',
    );
    expect(() => treePenalty(p, { v: l2(0.1) })).toThrow(
      'a penalty is attached to "v", but there is no parameter or layer "v" (there are: w, layer)',
    );
  });

  it('activityPenalty is the penalty of the activations over the batch size (Keras), differentiable', () => {
    const hidden = new Dense({ units: 2, inputShape: [2], kernelInitializer: 'ones' }).init(rt);
    const x = rt.tensor([1, 2, -3, 0.5], [2, 2]); // hidden: [[3, 3], [-2.5, -2.5]]
    expect(scalar(activityPenalty(l1(0.1), hidden.call(x)))).toBeCloseTo((0.1 * 11) / 2, 6);
    const { grads } = valueAndGrad((p: LayerParams) =>
      add(mean(sub(hidden.apply(p, x), 1)), activityPenalty(l2(0.1), hidden.apply(p, x))),
    )(hidden.trainableParams());
    expect(values((grads as Record<string, Tensor>).bias!).every(Number.isFinite)).toBe(true);
    expect(() => activityPenalty(l1(0.1), rt.scalar(1))).toThrow(/non-empty batch axis, got shape \[\]/);
    hidden.dispose();
  });
});
