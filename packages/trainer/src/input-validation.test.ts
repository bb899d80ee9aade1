import { InvalidArgumentError, ShapeError, UnknownPluginError } from '@descent/core';
import { hostTensor } from '@descent/data';
import { runInputValidationSweep } from '@descent/testing';
import { describe } from 'vitest';
import * as api from './index';
import { blobs, mlp, quiet, runtime } from './test-utils/setup';

describe('every export of @descent/trainer validates its input', () => {
  const rt = runtime();
  const model = mlp(rt);
  const d = blobs(12);
  const loss = 'sparseCategoricalCrossentropy';
  const opts = { loss, log: quiet };
  const wide = { x: hostTensor(new Float32Array(12 * 5), [12, 5]), y: d.y };
  const obj = /expected options to be an object, got/;

  runInputValidationSweep(api, {
    CheckpointError: { none: 'an error class' },
    LabelRangeError: { none: 'an error class' },
    History: { none: 'takes no arguments; fit calls its callback methods' },
    trainer: { none: 'a plugin factory without arguments' },
    csvLogger: [
      { what: 'no path', call: () => api.csvLogger(undefined as never), message: /expected a file path/ },
      {
        what: 'options a string',
        call: () => api.csvLogger('log.csv', ';' as never),
        message: /expected options to be an object, got the string ";"/,
      },
    ],
    jsonLogger: [
      { what: 'an empty path', call: () => api.jsonLogger(''), message: /expected a file path/ },
      { what: 'options null', call: () => api.jsonLogger('log.jsonl', null as never), message: obj },
    ],
    earlyStopping: [
      {
        what: 'options null',
        call: () => api.earlyStopping(null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'a negative patience',
        call: () => api.earlyStopping({ patience: -1 }),
        message: /patience must be a non-negative integer, got -1/,
      },
      {
        what: 'a numeric monitor',
        call: () => api.earlyStopping({ monitor: 3 as never }),
        message: /expected monitor to be the name of a logged value, got the number 3/,
      },
      {
        what: 'an unknown mode',
        call: () => api.earlyStopping({ mode: 'up' as never }),
        message: /mode must be 'auto', 'min' or 'max', got "up"/,
      },
    ],
    reduceLROnPlateau: [
      {
        what: 'options a number',
        call: () => api.reduceLROnPlateau(0.5 as never),
        message: /got the number 0.5/,
      },
      {
        what: 'a numeric monitor',
        call: () => api.reduceLROnPlateau({ monitor: 1 as never }),
        message: /expected monitor to be the name of a logged value/,
      },
    ],
    nanGuard: [{ what: 'options null', call: () => api.nanGuard(null as never), message: obj }],
    progressBar: [
      {
        what: 'options an array',
        call: () => api.progressBar([] as never),
        message: /expected options to be an object, got an array/,
      },
    ],
    learningRateScheduler: [
      {
        what: 'a number',
        call: () => api.learningRateScheduler(0.1 as never),
        message: /expected a function \(epoch, lr\) => lr/,
      },
      {
        what: 'options a boolean',
        call: () => api.learningRateScheduler((_e, lr) => lr, true as never),
        message: /expected options to be an object, got a boolean/,
      },
    ],
    modelCheckpoint: [
      {
        what: 'no options',
        call: () => api.modelCheckpoint(undefined as never),
        message: /dir \(a folder for the checkpoints\) is required/,
      },
    ],
    checkpointInfo: [
      {
        what: 'a number',
        call: () => api.checkpointInfo(3 as never),
        message: /expected a checkpoint folder path, got the number 3/,
      },
    ],
    loadCheckpoint: [
      {
        what: 'a path for the runtime',
        call: () => api.loadCheckpoint('runs' as never, 'runs'),
        message: /expected the first argument to be a Runtime, got the string "runs"/,
      },
      {
        what: 'no folder',
        call: () => api.loadCheckpoint(rt, undefined as never),
        message: /expected a checkpoint folder path, got undefined/,
      },
      { what: 'options null', call: () => api.loadCheckpoint(rt, 'runs', null as never), message: obj },
      {
        what: 'an unknown which',
        call: () => api.loadCheckpoint(rt, 'runs', { which: 'first' as never }),
        message: /expected options.which to be 'best' or 'last', got the string "first"/,
      },
    ],
    fit: [
      {
        what: 'no model',
        call: () => api.fit(undefined as never, d, opts),
        message: /expected a model \(a Layer\) first/,
      },
      {
        what: 'no options',
        call: () => api.fit(model, d, undefined as never),
        message: /expected options with at least a loss/,
      },
      {
        what: 'no loss',
        call: () => api.fit(model, d, { log: quiet } as never),
        message: /a loss is required/,
      },
      {
        what: 'a string for the data',
        call: () => api.fit(model, 'x' as never, opts),
        message: /expected a Dataset or arrays \{ x, y \}/,
      },
      {
        what: 'no labels',
        call: () => api.fit(model, { x: d.x } as never, opts),
        message: /the batches have no field y/,
      },
      {
        what: 'features of the wrong width',
        call: () => api.fit(model, wide, opts),
        message: /x has shape \[12,5\] per batch; model "sequential" takes inputs of shape \[null,4\]/,
        error: ShapeError,
      },
      {
        what: 'a label past the classes',
        call: () =>
          api.fit(model, { x: d.x, y: hostTensor(new Int32Array(12).fill(7), [12], 'int32') }, opts),
        message: /labels must be class ids in \[0, 3\)/,
        error: api.LabelRangeError,
      },
      {
        what: 'an unknown loss',
        call: () => api.fit(model, d, { loss: 'nope', log: quiet }),
        message: /Unknown loss "nope"/,
        error: UnknownPluginError,
        names: 'nope',
      },
      {
        what: 'epochs -1',
        call: () => api.fit(model, d, { ...opts, epochs: -1 }),
        message: /epochs must be a non-negative integer, got -1/,
      },
      {
        what: 'batchSize 0',
        call: () => api.fit(model, d, { ...opts, batchSize: 0 }),
        message: /batchSize must be a positive integer, got 0/,
      },
      {
        what: 'validationBatchSize 0',
        call: () => api.fit(model, d, { ...opts, validationBatchSize: 0 }),
        message: /validationBatchSize must be a positive integer, got 0/,
      },
      {
        what: 'a numeric optimizer',
        call: () => api.fit(model, d, { ...opts, optimizer: 3 as never }),
        message: /optimizer must be a name, \{ name, options \} or a gradient transform, got 3/,
      },
      {
        what: 'metrics not an array',
        call: () => api.fit(model, d, { ...opts, metrics: 'accuracy' as never }),
        message: /metrics must be an array/,
      },
      {
        what: 'callbacks not an array',
        call: () => api.fit(model, d, { ...opts, callbacks: 'x' as never }),
        message: /callbacks must be an array/,
      },
      {
        what: 'a number among the callbacks',
        call: () => api.fit(model, d, { ...opts, callbacks: [3 as never] }),
        message: /a callback must be an object with a name, got 3/,
      },
      {
        what: 'an augment that is not a transform',
        call: () => api.fit(model, d, { ...opts, augment: 'flip' as never }),
        message: /expected options.augment to be an augmentation transform .* got the string "flip"/,
      },
      {
        what: 'a penalty that is not a function',
        call: () => api.fit(model, d, { ...opts, penalty: 0.1 as never }),
        message: /expected options.penalty to be a function \(params\) => Tensor or null, got the number 0.1/,
      },
      {
        what: 'a log that is not a function',
        call: () => api.fit(model, d, { loss, log: 'stdout' as never }),
        message: /expected options.log to be a function/,
      },
      {
        what: 'a signal that is not an AbortSignal',
        call: () => api.fit(model, d, { ...opts, signal: true as never }),
        message: /expected options.signal to be an AbortSignal, got a boolean/,
      },
      {
        what: 'a numeric resume',
        call: () => api.fit(model, d, { ...opts, resume: 3 as never }),
        message: /expected options.resume to be a checkpoint folder path, got the number 3/,
      },
      {
        what: 'shuffle a string',
        call: () => api.fit(model, d, { ...opts, shuffle: 'yes' as never }),
        message: /expected options.shuffle to be a boolean/,
      },
      {
        what: 'runtime a string',
        call: () => api.fit(model, d, { ...opts, runtime: 'cpu' as never }),
        message: /expected options.runtime to be a Runtime, got the string "cpu"/,
      },
      {
        what: 'a numeric backend',
        call: () => api.fit(model, d, { ...opts, backend: 3 as never }),
        message: /backend must be a backend name or a backend plugin/,
      },
    ],
    evaluate: [
      {
        what: 'a string model',
        call: () => api.evaluate('m' as never, d, { loss }),
        message: /expected a model \(a Layer\) first/,
      },
      {
        what: 'options a string',
        call: () => api.evaluate(model, d, 'loss' as never),
        message: /expected options to be an object, got the string "loss"/,
      },
      { what: 'nothing to report', call: () => api.evaluate(model, d, {}), message: /nothing to report/ },
      {
        what: 'batchSize 0',
        call: () => api.evaluate(model, d, { loss, batchSize: 0 }),
        message: /expected options.batchSize to be a positive integer, got the number 0/,
      },
      {
        what: 'features of the wrong width',
        call: () => api.evaluate(model, wide, { loss }),
        message: /x has shape \[12,5\]/,
        error: ShapeError,
      },
      {
        what: 'a signal that is not an AbortSignal',
        call: () => api.evaluate(model, d, { loss, signal: {} as never }),
        message: /expected options.signal to be an AbortSignal, got an object/,
      },
    ],
    predict: [
      {
        what: 'no model',
        call: () => api.predict(undefined as never, d.x),
        message: /expected a model \(a Layer\) first/,
      },
      {
        what: 'a string for the data',
        call: () => api.predict(model, 'x' as never),
        message: /expected a Dataset or arrays/,
      },
      { what: 'options a string', call: () => api.predict(model, d.x, 'x' as never), message: obj },
      {
        what: 'batchSize -1',
        call: () => api.predict(model, d.x, { batchSize: -1 }),
        message: /expected options.batchSize to be a positive integer, got the number -1/,
        error: InvalidArgumentError,
      },
      {
        what: 'a tensor of the wrong width',
        call: () => api.predict(model, rt.tensor([[1, 2, 3]])),
        message: /x has shape \[1,3\] per batch/,
        error: ShapeError,
      },
    ],
  });
});
