import { InvalidArgumentError, ShapeError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { applyGradients } from './apply-gradients';
import { applyUpdates } from './apply-updates';
import { chain } from './chain';
import { InvalidHyperparameterError, ParamMismatchError } from './errors';
import { adam } from './optimizers/adam';
import { lion } from './optimizers/lion';
import { momentum } from './optimizers/momentum';
import { sgd } from './optimizers/sgd';
import { disposeState } from './state/dispose-state';
import { setHyperparams } from './state/set-hyperparams';
import { cpuRuntime, smallParams } from './test-utils/runtime';
import { scaleByAdam } from './transforms/scale-by-adam';
import { scaleByLearningRate } from './transforms/scale-by-learning-rate';

const rt = cpuRuntime();

/** Runs `fn` expecting it to throw, and checks no tensor was left behind. */
function throwsWithoutLeaks(fn: () => unknown): Error {
  const before = rt.memory().numTensors;
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown, 'expected an error').toBeInstanceOf(Error);
  expect(rt.memory().numTensors, 'tensors left behind by the failed call').toBe(before);
  return thrown as Error;
}

describe('a schedule returning NaN', () => {
  it('throws InvalidHyperparameterError naming the hyperparameter, the step and the parameter paths', () => {
    const params = smallParams(rt);
    const grads = smallParams(rt, [0.1, 0.1, 0.1, 0.1], [0.1, 0.1]);
    const tx = adam({ learningRate: (step) => (step < 2 ? 0.01 : Number.NaN) });
    let state = tx.init(params);
    for (let i = 0; i < 2; i++) {
      const [u, next] = tx.update(grads, state, params);
      rt.dispose(u);
      disposeState(state);
      state = next;
    }
    const err = throwsWithoutLeaks(() => tx.update(grads, state, params));
    expect(err).toBeInstanceOf(InvalidHyperparameterError);
    expect(err.message).toBe(
      'adam: hyperparameter "learningRate" must be a finite number >= 0, got NaN at step 2 (from its schedule), updating parameters "layer/w", "b"',
    );
    expect((err as InvalidHyperparameterError).paths).toEqual(['layer/w', 'b']);
    expect((err as InvalidHyperparameterError).hyperparameter).toBe('learningRate');
    rt.dispose([params, grads]);
    disposeState(state);
  });

  it('in a building block used on its own, too', () => {
    const params = smallParams(rt);
    const tx = chain(
      scaleByAdam(),
      scaleByLearningRate(() => Number.NaN),
    );
    const state = tx.init(params);
    const err = throwsWithoutLeaks(() => tx.update(params, state, params));
    expect(err).toBeInstanceOf(InvalidHyperparameterError);
    expect(err.message).toMatch(
      /scaleByLearningRate: .*"learningRate".*got NaN at step 0 \(from its schedule\), updating parameters "layer\/w", "b"/,
    );
    rt.dispose(params);
    disposeState(state);
  });
});

describe('a negative learning rate', () => {
  it('is refused when the optimizer is made', () => {
    expect(() => sgd({ learningRate: -0.1 })).toThrow(InvalidHyperparameterError);
    expect(() => sgd({ learningRate: -0.1 })).toThrow(
      'sgd: hyperparameter "learningRate" must be a finite number >= 0, got -0.1',
    );
    expect(() => scaleByLearningRate(-1)).toThrow(InvalidHyperparameterError);
  });

  it('from a schedule or from setHyperparams, fails the update naming the parameters', () => {
    const params = smallParams(rt);
    const scheduled = momentum({ learningRate: (step) => (step === 0 ? 0.1 : -1) });
    expect(() => momentum({ learningRate: () => -1 }).init(params)).toThrow(
      /momentum: .*got -1 at step 0 \(from its schedule\), initializing parameters "layer\/w", "b"/,
    );
    const s0 = scheduled.init(params);
    const first = applyGradients(scheduled, params, params, s0);
    const s1 = first.state;
    expect(throwsWithoutLeaks(() => scheduled.update(params, s1, first.params)).message).toMatch(
      /momentum: hyperparameter "learningRate" must be a finite number >= 0, got -1 at step 1 \(from its schedule\), updating parameters "layer\/w", "b"/,
    );
    rt.dispose(first.params);
    const tx = lion({ learningRate: 0.1 });
    const s2 = setHyperparams(tx.init(params), { learningRate: -0.5 });
    const err = throwsWithoutLeaks(() => applyGradients(tx, params, params, s2));
    expect(err).toBeInstanceOf(InvalidHyperparameterError);
    expect(err.message).toMatch(
      /lion: hyperparameter "learningRate" .* got -0.5 at step 0, updating parameters "layer\/w", "b"/,
    );
    rt.dispose(params);
    disposeState([s1, s2]);
  });

  it('other hyperparameters out of range and unknown options are refused too', () => {
    expect(() => adam({ beta1: 1 })).toThrow(
      'adam: hyperparameter "beta1" must be a finite number in [0, 1), got 1',
    );
    expect(() => adam({ eps: Number.NaN })).toThrow(InvalidHyperparameterError);
    expect(() => adam({ learningrate: 0.1 } as never)).toThrow(
      /adam: unknown option "learningrate"; options are learningRate, beta1, beta2, eps, weightDecay, amsgrad/,
    );
    expect(() => adam({ amsgrad: 'yes' } as never)).toThrow(/option "amsgrad" must be true or false/);
  });
});

describe('gradients whose paths do not match the parameters', () => {
  it('a parameter without a gradient', () => {
    const params = smallParams(rt);
    const tx = adam();
    const state = tx.init(params);
    const grads = { layer: { w: rt.tensor([1, 1, 1, 1], [2, 2]) } };
    const err = throwsWithoutLeaks(() => tx.update(grads, state, params));
    expect(err).toBeInstanceOf(ParamMismatchError);
    expect((err as ParamMismatchError).path).toBe('b');
    expect(err.message).toBe('adam: parameter "b" has no gradient (gradients given for: "layer/w")');
    // Without the parameters, the first transform that keeps per-parameter state notices.
    expect(() => tx.update(grads, state)).toThrow(
      'scaleByAdam: no gradient for parameter "b" (gradients given for: "layer/w")',
    );
    rt.dispose([params, grads]);
    disposeState(state);
  });

  it('a gradient for no parameter', () => {
    const params = smallParams(rt);
    const tx = momentum();
    const state = tx.init(params);
    const grads = { ...smallParams(rt), extra: rt.tensor([1]) };
    const err = throwsWithoutLeaks(() => applyGradients(tx, params, grads, state));
    expect(err).toBeInstanceOf(ParamMismatchError);
    expect((err as ParamMismatchError).path).toBe('extra');
    expect(err.message).toMatch(/gradient "extra" matches no parameter/);
    rt.dispose([params, grads]);
    disposeState(state);
  });

  it('a misnamed parameter, even for a stateless transform, and in applyUpdates', () => {
    const params = smallParams(rt);
    const renamed = { layer: { w: params.layer.w }, bias: params.b };
    const tx = sgd();
    const state = tx.init(params);
    const err = throwsWithoutLeaks(() => tx.update(params, state, renamed));
    expect(err).toBeInstanceOf(ParamMismatchError);
    expect(err.message).toMatch(/parameter "bias" has no gradient \(gradients given for: "layer\/w", "b"\)/);
    const err2 = throwsWithoutLeaks(() => applyUpdates(params, renamed));
    expect(err2).toBeInstanceOf(ParamMismatchError);
    expect(err2.message).toBe(
      'applyUpdates: update "bias" matches no parameter (parameters: "layer/w", "b")',
    );
    rt.dispose(params);
    disposeState(state);
  });

  it('a gradient of the wrong shape is a ShapeError naming the path', () => {
    const params = smallParams(rt);
    const tx = adam();
    const state = tx.init(params);
    const grads = { layer: { w: rt.tensor([1, 1], [2]) }, b: rt.tensor([1, 1]) };
    const err = throwsWithoutLeaks(() => tx.update(grads, state, params));
    expect(err).toBeInstanceOf(ShapeError);
    expect(err.message).toBe('scaleByAdam: gradient "layer/w" has shape [2], expected [2,2]');
    rt.dispose([params, grads]);
    disposeState(state);
  });

  it('a state from another transform is named as such', () => {
    const params = smallParams(rt);
    expect(() => adam().update(params, { count: 0 } as never, params)).toThrow(InvalidArgumentError);
    expect(() => chain(scaleByAdam()).update(params, [] as never, params)).toThrow(
      /chain: state has 0 entries, expected an array of 1/,
    );
    rt.dispose(params);
  });
});
