import { InvalidArgumentError, ShapeError } from '@descent/core';
import { runInputValidationSweep } from '@descent/testing';
import { describe, expect, it } from 'vitest';
import { applyGradients } from './apply-gradients';
import { applyUpdates } from './apply-updates';
import { chain } from './chain';
import { InvalidHyperparameterError, ParamMismatchError } from './errors';
import * as api from './index';
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

describe('every export validates its input (typed error naming it, never a crash inside)', () => {
  const p = () => smallParams(rt);
  const hyper = api.InvalidHyperparameterError;
  const opts = /must be a plain object, got null/;
  const obj = /expected options to be an object, got/;

  runInputValidationSweep(api, {
    InvalidHyperparameterError: { none: 'an error class' },
    ParamMismatchError: { none: 'an error class' },
    OPTIMIZERS_PLUGIN: { none: 'a constant' },
    namedOptimizers: { none: 'a table of the optimizer factories below' },
    namedSchedules: { none: 'a table of the schedule factories below' },
    optimizers: { none: 'a plugin factory without arguments' },
    disposeState: {
      none: 'any state tree is valid: it frees the tensors it holds (none in a number or string)',
    },
    moveState: {
      none: 'any state tree is valid; the backend name is checked by the runtime when a tensor moves',
    },

    applyGradients: [
      {
        what: 'a string for the transform',
        call: () => api.applyGradients('adam' as never, p(), p(), {} as never),
        message: /expected tx to be a gradient transform \{ init, update \}, got the string "adam"/,
      },
      {
        what: 'params that are not tensors',
        call: () => api.applyGradients(api.sgd(), 3 as never, p(), {} as never),
        message: /parameter "\(root\)" is number, expected a Tensor/,
      },
    ],
    applyUpdates: [
      {
        what: 'updates for other paths',
        call: () => api.applyUpdates(p(), { c: rt.tensor([1]) }),
        message: /update "c" matches no parameter \(parameters: "layer\/w", "b"\)/,
        error: api.ParamMismatchError,
      },
      {
        what: 'null for both trees',
        call: () => api.applyUpdates(null as never, null as never),
        message: /applyUpdates: /,
      },
      {
        what: 'a string for the params',
        call: () => api.applyUpdates('p' as never, p()),
        message: /parameter "\(root\)" is string, expected a Tensor/,
      },
    ],
    chain: [
      {
        what: 'a number among the transforms',
        call: () => api.chain(api.scale(2), 3 as never),
        message: /expected transform 1 to be a gradient transform \{ init, update \}, got the number 3/,
      },
    ],
    adadelta: [{ what: 'null options', call: () => api.adadelta(null as never), message: opts }],
    adagrad: [
      {
        what: 'null options',
        call: () => api.adagrad(null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'a negative initial accumulator',
        call: () => api.adagrad({ initialAccumulatorValue: -1 }),
        message: /"initialAccumulatorValue" .* got -1/,
        error: hyper,
      },
    ],
    adam: [
      {
        what: 'options a string',
        call: () => api.adam('fast' as never),
        message: /must be a plain object, got string/,
      },
      {
        what: 'beta1 of 1.5',
        call: () => api.adam({ beta1: 1.5 }),
        message: /"beta1" .* got 1.5/,
        error: hyper,
      },
      {
        what: 'an unknown option',
        call: () => api.adam({ lr: 0.1 } as never),
        message: /unknown option "lr"/,
      },
    ],
    adamax: [{ what: 'null options', call: () => api.adamax(null as never), message: opts }],
    adamw: [
      {
        what: 'a negative weight decay',
        call: () => api.adamw({ weightDecay: -1 }),
        message: /"weightDecay" .* got -1/,
        error: hyper,
      },
    ],
    lion: [
      { what: 'options an array', call: () => api.lion([] as never), message: /must be a plain object/ },
    ],
    momentum: [
      {
        what: 'a string learning rate',
        call: () => api.momentum({ learningRate: '0.1' as never }),
        message: /"learningRate" .* got "0.1"/,
        error: hyper,
      },
    ],
    nadam: [{ what: 'null options', call: () => api.nadam(null as never), message: opts }],
    nesterov: [{ what: 'null options', call: () => api.nesterov(null as never), message: opts }],
    rmsprop: [
      {
        what: 'null options',
        call: () => api.rmsprop(null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'centered a string',
        call: () => api.rmsprop({ centered: 'yes' as never }),
        message: /option "centered" must be true or false, got string/,
      },
    ],
    sgd: [
      {
        what: 'a negative learning rate',
        call: () => api.sgd({ learningRate: -1 }),
        message: /learningRate/,
        error: hyper,
      },
    ],
    perParameter: [
      {
        what: 'no spec',
        call: () => api.perParameter(undefined as never),
        message: /expected a spec \{ name, slots, step \}, got undefined/,
      },
      {
        what: 'a spec without a step',
        call: () => api.perParameter({ name: 'mine', slots: [] } as never),
        message: /expected spec.step to be a function, got undefined/,
        names: 'mine',
      },
      {
        what: 'params holding a string',
        call: () =>
          api
            .perParameter({ name: 'mine', slots: [], step: (g) => ({ update: g, slots: {} }) })
            .init({ w: 'x' } as never),
        message: /parameter "w" is string, expected a Tensor/,
        names: 'mine',
      },
    ],
    optimizerRef: [
      {
        what: 'no runtime',
        call: () => api.optimizerRef(undefined as never, 'adam'),
        message: /expected the first argument to be a Runtime, got undefined/,
      },
      {
        what: 'a number for the name',
        call: () => api.optimizerRef(rt, 3 as never),
        message: /expected an optimizer name, got the number 3/,
      },
    ],
    resolveOptimizer: [
      {
        what: 'a name for the runtime',
        call: () => api.resolveOptimizer('adam' as never, 'adam'),
        message: /expected the first argument to be a Runtime, got the string "adam"/,
      },
      {
        what: 'a ref without a name',
        call: () => api.resolveOptimizer(rt, {} as never),
        message: /expected an optimizer name, got undefined/,
      },
    ],
    restoreOptimizer: [
      {
        what: 'no serialized state',
        call: () => api.restoreOptimizer(rt, undefined as never),
        message: /the serialized state records no optimizer/,
      },
    ],
    deserializeState: [
      {
        what: 'a string',
        call: () => api.deserializeState(rt, 'state' as never),
        message: /not a serialized optimizer state \(format undefined\)/,
      },
    ],
    serializeState: [
      {
        what: 'options null',
        call: () => api.serializeState({}, null as never),
        message: /expected options to be an object, got null/,
      },
    ],
    getHyperparams: [
      {
        what: 'a state without hyperparameters',
        call: () => api.getHyperparams({}),
        message: /the state holds no hyperparameters/,
      },
    ],
    setHyperparams: [
      {
        what: 'no values',
        call: () => api.setHyperparams({}, undefined as never),
        message: /expected values \{ name: number \}, got undefined/,
      },
      { what: 'values an array', call: () => api.setHyperparams({}, [1] as never), message: /got an array/ },
    ],
    stateless: [
      {
        what: 'no name',
        call: () => api.stateless(undefined as never, (g) => g),
        message: /expected a transform name, got undefined/,
      },
      {
        what: 'a string for fn',
        call: () => api.stateless('mine', 'f' as never),
        message: /mine: expected fn to be a function, got the string "f"/,
        names: 'mine',
      },
      {
        what: 'options a number',
        call: () => api.stateless('mine', (g) => g, 1 as never),
        message: /mine: expected options to be an object, got the number 1/,
        names: 'mine',
      },
    ],
    accumulateGradients: [
      {
        what: 'a string for the inner transform',
        call: () => api.accumulateGradients('sgd' as never, 2),
        message: /expected inner to be a gradient transform \{ init, update \}, got the string "sgd"/,
      },
      {
        what: 'zero steps',
        call: () => api.accumulateGradients(api.sgd(), 0),
        message: /"steps" .* got 0/,
        error: hyper,
      },
    ],
    addDecayedWeights: [
      {
        what: 'a negative decay',
        call: () => api.addDecayedWeights(-1),
        message: /"weightDecay" .* got -1/,
        error: hyper,
      },
    ],
    clipByGlobalNorm: [
      { what: 'a string', call: () => api.clipByGlobalNorm('1' as never), message: /"maxNorm" .* got "1"/ },
    ],
    clipByNorm: [{ what: 'a negative norm', call: () => api.clipByNorm(-1), message: /"maxNorm" .* got -1/ }],
    clipByValue: [{ what: 'NaN', call: () => api.clipByValue(Number.NaN), message: /"maxDelta" .* got NaN/ }],
    scale: [{ what: 'a string factor', call: () => api.scale('2' as never), message: /"factor" .* got "2"/ }],
    scaleByLearningRate: [
      {
        what: 'an object',
        call: () => api.scaleByLearningRate({} as never),
        message: /"learningRate" .* got object/,
      },
    ],
    scaleBySchedule: [
      {
        what: 'a string, not a schedule',
        call: () => api.scaleBySchedule('x' as never),
        message: /"scale" .* got "x"/,
      },
    ],
    skipNonFinite: [
      {
        what: 'a string',
        call: () => api.skipNonFinite('adam' as never),
        message: /expected inner to be a gradient transform \{ init, update \}, got the string "adam"/,
      },
    ],
    injectHyperparams: [
      {
        what: 'no build function',
        call: () => api.injectHyperparams(undefined as never, { learningRate: 0.1 }),
        message: /expected build to be a function, got undefined/,
      },
      {
        what: 'no hyperparameters',
        call: () => api.injectHyperparams(() => api.scale(1), undefined as never),
        message: /expected hyperparams \{ name: number \| schedule \}, got undefined/,
      },
      {
        what: 'options null',
        call: () => api.injectHyperparams(() => api.scale(1), {}, null as never),
        message: obj,
      },
    ],
    masked: [
      {
        what: 'a string for the inner transform',
        call: () => api.masked('sgd' as never, {}),
        message: /expected inner to be a gradient transform/,
      },
      {
        what: 'a mask that is a number',
        call: () => api.masked(api.scale(1), 1 as never),
        message:
          /expected mask to be \{ path: boolean \} or a function \(path, tensor\) => boolean, got the number 1/,
      },
    ],
    multiTransform: [
      {
        what: 'no transforms',
        call: () => api.multiTransform(undefined as never, {}),
        message: /expected transforms \{ label: transform \}, got undefined/,
      },
      {
        what: 'a label mapped to a number',
        call: () => api.multiTransform({ a: 1 as never }, {}),
        message: /expected transforms.a to be a gradient transform/,
      },
      {
        what: 'labels a string',
        call: () => api.multiTransform({ a: api.scale(1) }, 'a' as never),
        message: /expected labels to be \{ path: label \} or a function .* got the string "a"/,
      },
    ],
    scaleByAdadelta: [{ what: 'null options', call: () => api.scaleByAdadelta(null as never), message: obj }],
    scaleByAdagrad: [
      { what: 'options a string', call: () => api.scaleByAdagrad('x' as never), message: obj },
    ],
    scaleByAdam: [
      { what: 'null options', call: () => api.scaleByAdam(null as never), message: obj },
      {
        what: 'beta2 above 1',
        call: () => api.scaleByAdam({ beta2: 2 }),
        message: /"beta2" .* got 2/,
        error: hyper,
      },
    ],
    scaleByAdamax: [{ what: 'null options', call: () => api.scaleByAdamax(null as never), message: obj }],
    scaleByLion: [{ what: 'null options', call: () => api.scaleByLion(null as never), message: obj }],
    scaleByNadam: [
      { what: 'options an array', call: () => api.scaleByNadam([] as never), message: /got an array/ },
    ],
    scaleByRms: [{ what: 'null options', call: () => api.scaleByRms(null as never), message: obj }],
    trace: [{ what: 'null options', call: () => api.trace(null as never), message: obj }],
    constant: [
      { what: 'a string', call: () => api.constant('1' as never), message: /"value" .* got string/ },
    ],
    cosineDecay: [
      {
        what: 'no options',
        call: () => api.cosineDecay(undefined as never),
        message: /"initValue" .* got undefined/,
      },
    ],
    exponentialDecay: [
      {
        what: 'a zero rate',
        call: () => api.exponentialDecay({ initValue: 1, decayRate: 0 }),
        message: /"decayRate" .* got 0/,
      },
    ],
    joinSchedules: [
      {
        what: 'no arrays',
        call: () => api.joinSchedules(undefined as never, undefined as never),
        message: /expected \(schedules, boundaries\) arrays, got undefined and undefined/,
      },
      {
        what: 'one schedule too few',
        call: () => api.joinSchedules([api.constant(1)], [10]),
        message: /expected 2 schedule functions for 1 boundaries, got 1/,
      },
    ],
    linearWarmup: [
      {
        what: 'no options',
        call: () => api.linearWarmup(api.constant(1), undefined as never),
        message: /"warmupSteps" .* got undefined/,
      },
    ],
    piecewiseConstant: [
      {
        what: 'no options',
        call: () => api.piecewiseConstant(undefined as never),
        message: /expected options \{ boundaries, values \} with arrays of numbers, got undefined/,
      },
      {
        what: 'values not an array',
        call: () => api.piecewiseConstant({ boundaries: [], values: 1 } as never),
        message: /got an object/,
      },
      {
        what: 'one value too many',
        call: () => api.piecewiseConstant({ boundaries: [5], values: [1, 2, 3] }),
        message: /expected 2 values for 1 boundaries, got 3/,
      },
    ],
    polynomialDecay: [
      {
        what: 'options a number',
        call: () => api.polynomialDecay(1 as never),
        message: /"initValue" .* got undefined/,
      },
    ],
    reduceOnPlateau: [
      { what: 'no options', call: () => api.reduceOnPlateau(undefined as never), message: /initValue/ },
    ],
    stepDecay: [
      {
        what: 'a zero step size',
        call: () => api.stepDecay({ initValue: 1, stepSize: 0, factor: 0.5 } as never),
        message: /"stepSize" .* got 0/,
      },
    ],
  });
});
