import { Dense, sequential } from '@descent/layers';
import { runInputValidationSweep } from '@descent/testing';
import { describe } from 'vitest';
import * as api from './index';
import { runtime } from './test-utils/runtime';

describe('every export of @descent/regularizers validates its input', () => {
  const rt = runtime(3);
  const model = sequential([new Dense({ units: 2, inputShape: [3], kernelRegularizer: api.l2(0.1) })]).init(
    rt,
  );
  const w = rt.tensor([1, -2]);
  const config = /expected an options object, got/;
  const cls = api.RegularizerConfigError;

  runInputValidationSweep(api, {
    PenaltyPathError: { none: 'an error class' },
    RegularizerConfigError: { none: 'an error class' },
    NORM_EPSILON: { none: 'a constant' },
    REGULARIZERS_PLUGIN: { none: 'a constant' },
    builtinConstraints: { none: 'a table of the constraint factories below' },
    builtinRegularizers: { none: 'a table of the penalty factories below' },
    regularizers: { none: 'a plugin factory without arguments' },
    l1: [
      {
        what: 'a negative coefficient',
        call: () => api.l1(-1),
        message: /l1 must be a finite number >= 0, got -1/,
        error: cls,
        names: 'L1',
      },
      { what: 'a string', call: () => api.l1('0.1' as never), message: config, error: cls, names: 'L1' },
    ],
    l2: [
      {
        what: 'NaN',
        call: () => api.l2(Number.NaN),
        message: /l2 must be a finite number >= 0, got NaN/,
        error: cls,
        names: 'L2',
      },
      {
        what: 'an unknown option',
        call: () => api.l2({ L2: 1 } as never),
        message: /unknown option "L2"/,
        error: cls,
        names: 'L2',
      },
    ],
    l1l2: [
      { what: 'an array', call: () => api.l1l2([0.1] as never), message: config, error: cls, names: 'L1L2' },
      {
        what: 'a negative l2',
        call: () => api.l1l2({ l2: -2 }),
        message: /l2 must be a finite number >= 0, got -2/,
        error: cls,
        names: 'L1L2',
      },
    ],
    maxNorm: [
      {
        what: 'a negative max',
        call: () => api.maxNorm(-1),
        message: /maxValue must be a finite number >= 0, got -1/,
        error: cls,
        names: 'MaxNorm',
      },
      {
        what: 'a fractional axis',
        call: () => api.maxNorm(2, { axis: 0.5 }),
        message: /axis must be an integer/,
        error: cls,
        names: 'MaxNorm',
      },
    ],
    minMaxNorm: [
      {
        what: 'min above max',
        call: () => api.minMaxNorm({ minValue: 2, maxValue: 1 }),
        message: /maxValue must be >= minValue/,
        error: cls,
        names: 'MinMaxNorm',
      },
      {
        what: 'a string',
        call: () => api.minMaxNorm('x' as never),
        message: config,
        error: cls,
        names: 'MinMaxNorm',
      },
    ],
    nonNeg: [
      {
        what: 'an option it does not have',
        call: () => api.nonNeg({ axis: 0 } as never),
        message: /unknown option "axis" \(options: none\)/,
        error: cls,
        names: 'NonNeg',
      },
    ],
    unitNorm: [
      {
        what: 'a numeric config',
        call: () => api.unitNorm(3 as never),
        message: config,
        error: cls,
        names: 'UnitNorm',
      },
    ],
    checkCoefficient: [
      {
        what: 'a negative value',
        call: () => api.checkCoefficient('Tv', 'tv', -1),
        message: /tv must be a finite number >= 0, got -1/,
        error: cls,
        names: 'Tv',
      },
      {
        what: 'names that are not strings',
        call: () => api.checkCoefficient(undefined as never, 3 as never, 1),
        message: /expected \(className, option, value\) with string names, got undefined and 3/,
      },
    ],
    weightDecayForL2: [
      {
        what: 'a string',
        call: () => api.weightDecayForL2('0.1' as never),
        message: /must be a finite number >= 0, got "0.1"/,
        error: cls,
        names: 'l2',
      },
    ],
    definePenalty: [
      {
        what: 'no definition',
        call: () => api.definePenalty(undefined as never),
        message: /expected a definition \{ className, defaults, \.\.\. \}, got undefined/,
      },
      {
        what: 'an empty className',
        call: () => api.definePenalty({ className: '', defaults: {}, penalty: () => w }),
        message: /className must be a non-empty string, got the string ""/,
      },
      {
        what: 'no penalty function',
        call: () => api.definePenalty({ className: 'Tv', defaults: {} } as never),
        message: /Tv: penalty must be a function, got undefined/,
      },
      {
        what: 'defaults an array',
        call: () => api.definePenalty({ className: 'Tv', defaults: [] as never, penalty: () => w }),
        message: /Tv: defaults must be an object of option values, got an array/,
      },
    ],
    defineConstraint: [
      {
        what: 'null',
        call: () => api.defineConstraint(null as never),
        message: /expected a definition .* got null/,
      },
      {
        what: 'a string apply',
        call: () => api.defineConstraint({ className: 'Clip', defaults: {}, apply: 'clip' as never }),
        message: /Clip: apply must be a function, got the string "clip"/,
      },
      {
        what: 'a validate that is not a function',
        call: () =>
          api.defineConstraint({ className: 'Clip', defaults: {}, apply: (x) => x, validate: 1 as never }),
        message: /Clip: validate must be a function, got the number 1/,
      },
    ],
    penaltyLoss: [
      {
        what: 'no model',
        call: () => api.penaltyLoss(undefined as never),
        message: /expected a model \(a layers Layer or Model\), got undefined/,
      },
      {
        what: 'a tensor for the model',
        call: () => api.penaltyLoss(w as never),
        message: /got a Tensor of shape \[2\]/,
      },
      {
        what: 'params with an unknown path',
        call: () => api.penaltyLoss(model, { dense_9: { kernel: w } }),
        message: /dense_9/,
        error: api.PenaltyPathError,
      },
      {
        what: 'extra penalties not keyed by path',
        call: () => api.penaltyLoss(model, undefined, 'l2' as never),
        message: /expected penalties keyed by parameter path, got string/,
      },
    ],
    penalized: [
      {
        what: 'a string for the model',
        call: () => api.penalized('model' as never, () => w),
        message: /expected a model \(a layers Layer or Model\), got the string "model"/,
      },
      {
        what: 'no data loss',
        call: () => api.penalized(model, undefined as never),
        message: /expected dataLoss to be a function, got undefined/,
      },
      {
        what: 'extra of a non-regularizer',
        call: () => api.penalized(model, () => w, { 'dense_1/kernel': 3 as never }),
        message: /is not a regularizer/,
      },
    ],
    treePenalty: [
      {
        what: 'penalties not an object',
        call: () => api.treePenalty({ w }, 'x' as never),
        message: /expected penalties keyed by parameter path/,
      },
      {
        what: 'a path not in the params',
        call: () => api.treePenalty({ w }, { v: api.l2(0.1) }),
        message: /"v"/,
        error: api.PenaltyPathError,
      },
    ],
    activityPenalty: [
      {
        what: 'no regularizer',
        call: () => api.activityPenalty(undefined as never, w),
        message: /activityPenalty/,
      },
      {
        what: 'activations not a tensor',
        call: () => api.activityPenalty(api.l2(0.1), [1, 2] as never),
        message: /expected activations to be a Tensor, got an array/,
      },
    ],
    addDecayedWeights: [
      {
        what: 'a negative decay',
        call: () => api.addDecayedWeights(-1),
        message: /addDecayedWeights/,
        names: 'addDecayedWeights',
      },
    ],
  });
});
