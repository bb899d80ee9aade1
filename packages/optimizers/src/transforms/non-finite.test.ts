import { autograd, valueAndGrad } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, mean, square, sub, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { applyGradients } from '../apply-gradients';
import { InvalidHyperparameterError } from '../errors';
import { adam } from '../optimizers/adam';
import { sgd } from '../optimizers/sgd';
import { disposeState } from '../state/dispose-state';
import { skipNonFinite } from './skip-non-finite';

type Params = { w: Tensor };
const cpuRuntime = () => createRuntime({ plugins: [cpuBackend(), autograd()] });

describe('skipNonFinite under NaN/Inf inputs and an exploding learning rate', () => {
  it('an exploding learning rate: once the loss overflows, every step is skipped and the weights stay finite', () => {
    const rt = cpuRuntime();
    const tx = skipNonFinite(sgd({ learningRate: 1e15 }));
    let params: Params = { w: rt.keep(rt.tensor([0.5, -0.5, 1, 2], [4])) };
    let state = tx.init(params);
    const losses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const { value, grads } = valueAndGrad((p: Params) => mean(square(square(p.w))))(params);
      losses.push(value.dataSync()[0]!);
      const next = applyGradients(tx, params, grads, state);
      rt.dispose([value, grads.w, params.w]);
      params = { w: rt.keep(next.params.w) };
      state = next.state;
    }
    expect(
      losses.some((l) => !Number.isFinite(l)),
      `losses ${losses}`,
    ).toBe(true);
    expect(Array.from(params.w.dataSync()).every(Number.isFinite)).toBe(true);
    expect(state.skipped).toBeGreaterThan(0);
    disposeState(state);
    params.w.dispose();
  });

  it('NaN and ±Inf in the data: the step is skipped, weights and Adam moments untouched', () => {
    const rt = cpuRuntime();
    const tx = skipNonFinite(adam({ learningRate: 0.1 }));
    const params: Params = { w: rt.keep(rt.tensor([1, 2], [2])) };
    let state = tx.init(params);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const data = rt.tensor([bad, 1], [2]);
      const { value, grads } = valueAndGrad((p: Params) => mean(square(sub(p.w, data))))(params);
      const before = JSON.stringify(state, (_k, v) => (v?.dataSync ? Array.from(v.dataSync()) : v));
      const next = applyGradients(tx, params, grads, state);
      expect(Array.from(next.params.w.dataSync())).toEqual([1, 2]);
      const after = JSON.parse(
        JSON.stringify(next.state, (_k, v) => (v?.dataSync ? Array.from(v.dataSync()) : v)),
      );
      expect(after.inner, 'Adam state after a skipped step').toEqual(JSON.parse(before).inner);
      rt.dispose([data, value, grads.w, next.params.w]);
      state = next.state;
    }
    expect(state.skipped).toBe(3);
    disposeState(state);
    params.w.dispose();
  });

  it('a non-finite learning rate is an InvalidHyperparameterError, not NaN weights', () => {
    const rt = cpuRuntime();
    const params: Params = { w: rt.tensor([1], [1]) };
    for (const lr of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => {
        const tx = sgd({ learningRate: lr });
        const state = tx.init(params);
        const g = { w: rt.tensor([1], [1]) };
        applyGradients(tx, params, g, state);
      }).toThrow(InvalidHyperparameterError);
    }
  });
});
