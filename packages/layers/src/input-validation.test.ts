import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, ShapeError, UnknownPluginError } from '@descent/core';
import { runInputValidationSweep, runMethodValidationSweep } from '@descent/testing';
import { afterAll, describe } from 'vitest';
import * as api from './index';

const rt = createRuntime({ plugins: [cpuBackend(), api.layers()] });
const t = rt.tensor([1, 2, 3]);
const x = rt.tensor([[1, 2]]);
const dense = () => new api.Dense({ units: 2, inputShape: [2] }).init(rt);
const model = () => api.sequential([new api.Dense({ units: 2, inputShape: [2] })]).init(rt);
afterAll(() => rt.dispose([t, x]));
const opts = /expected options to be an object, got/;
const tensorArg = /expected x to be a Tensor, got/;

describe('every export of @descent/layers validates its input', () => {
  runInputValidationSweep(api, {
    LayerError: { none: 'an error class' },
    SerializationError: { none: 'an error class' },
    MODEL_FILES: { none: 'a constant' },
    builtinActivations: { none: 'a table of the activations below' },
    builtinInitializers: { none: 'a table of the initializer factories below' },
    builtinLayers: { none: 'a table of the layer factories below' },
    builtinLosses: { none: 'a table of the loss factories below' },
    builtinMetrics: { none: 'a table of the metric factories below' },
    layers: { none: 'a plugin factory without arguments' },
    GlorotNormal: { none: 'takes no arguments' },
    GlorotUniform: { none: 'takes no arguments' },
    HeNormal: { none: 'takes no arguments' },
    HeUniform: { none: 'takes no arguments' },
    LecunNormal: { none: 'takes no arguments' },
    LecunUniform: { none: 'takes no arguments' },
    Ones: { none: 'takes no arguments' },
    Zeros: { none: 'takes no arguments' },
    Layer: { none: 'abstract: its constructor and methods are swept through Dense below' },
    Model: { none: 'abstract: swept through Sequential below' },

    activationName: [
      {
        what: 'a number',
        call: () => api.activationName(3 as never),
        message: /expected a name or a function, got 3/,
        names: 'activation',
      },
      {
        what: 'an anonymous function',
        call: () => api.activationName(((v: never) => v) as never),
        message: /cannot be saved/,
        names: 'activation',
      },
    ],
    resolveActivation: [
      {
        what: 'a name for the runtime',
        call: () => api.resolveActivation('relu' as never, 'relu'),
        message: /expected the first argument to be a Runtime, got the string "relu"/,
      },
      {
        what: 'an object spec',
        call: () => api.resolveActivation(rt, {} as never),
        message: /expected a name or a function/,
        names: 'activation',
      },
      {
        what: 'an unknown name',
        call: () => api.resolveActivation(rt, 'nope'),
        message: /Unknown activation "nope"/,
        error: UnknownPluginError,
        names: 'nope',
      },
    ],
    elu: [
      {
        what: 'an array',
        call: () => api.elu([1, 2] as never),
        message: /expected x to be a Tensor, got an array/,
      },
      {
        what: 'a string alpha',
        call: () => api.elu(t, '1' as never),
        message: /expected alpha to be a finite number, got the string "1"/,
      },
    ],
    gelu: [
      { what: 'undefined', call: () => api.gelu(undefined as never), message: tensorArg },
      {
        what: 'approximate a string',
        call: () => api.gelu(t, 'tanh' as never),
        message: /expected approximate to be a boolean, got the string "tanh"/,
      },
    ],
    leakyRelu: [
      { what: 'a runtime', call: () => api.leakyRelu(rt as never), message: /got a Runtime/ },
      {
        what: 'a NaN alpha',
        call: () => api.leakyRelu(t, Number.NaN),
        message: /expected alpha to be a finite number, got the number NaN/,
      },
    ],
    linear: [
      {
        what: 'a number',
        call: () => api.linear(1 as never),
        message: /expected x to be a Tensor, got the number 1/,
      },
    ],
    selu: [
      { what: 'null', call: () => api.selu(null as never), message: /expected x to be a Tensor, got null/ },
    ],
    swish: [{ what: 'a string', call: () => api.swish('x' as never), message: /got the string "x"/ }],

    Constant: [
      {
        what: 'null options',
        call: () => new api.Constant(null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'a string value',
        call: () => new api.Constant({ value: '1' as never }),
        message: /value must be a finite number, got "1"/,
      },
    ],
    Orthogonal: [
      {
        what: 'a number for options',
        call: () => new api.Orthogonal(2 as never),
        message: /got the number 2/,
      },
    ],
    RandomNormal: [
      {
        what: 'a negative std',
        call: () => new api.RandomNormal({ std: -1 }),
        message: /std must be >= 0, got -1/,
      },
      {
        what: 'an array for options',
        call: () => new api.RandomNormal([] as never),
        message: /got an array/,
      },
    ],
    RandomUniform: [
      { what: 'options a string', call: () => new api.RandomUniform('x' as never), message: opts },
    ],
    TruncatedNormal: [
      { what: 'null options', call: () => new api.TruncatedNormal(null as never), message: opts },
    ],
    VarianceScaling: [
      { what: 'null options', call: () => new api.VarianceScaling(null as never), message: opts },
      {
        what: 'a zero scale',
        call: () => new api.VarianceScaling({ scale: 0 }),
        message: /scale must be > 0, got 0/,
      },
    ],
    computeFans: [
      {
        what: 'undefined',
        call: () => api.computeFans(undefined as never),
        message: /expected a shape of non-negative integers, got undefined/,
      },
      { what: 'a tensor', call: () => api.computeFans(t as never), message: /got a Tensor of shape \[3\]/ },
    ],
    resolveInitializer: [
      {
        what: 'a runtime missing',
        call: () => api.resolveInitializer(undefined as never, 'zeros'),
        message: /expected the first argument to be a Runtime, got undefined/,
      },
      {
        what: 'a number spec',
        call: () => api.resolveInitializer(rt, 3 as never),
        message: /expected a name, a \{className, config\} or an Initializer, got 3/,
        names: 'initializer',
      },
    ],
    serializeInitializer: [
      {
        what: 'a number',
        call: () => api.serializeInitializer(3 as never),
        message: /expected a name, a \{className, config\} or an Initializer, got the number 3/,
      },
      { what: 'null', call: () => api.serializeInitializer(null as never), message: /got null/ },
    ],
    writeFileAtomic: [
      {
        what: 'no path',
        call: () => api.writeFileAtomic(undefined as never, 'x'),
        message: /expected a file path, got undefined/,
      },
      {
        what: 'a number for the data',
        call: () => api.writeFileAtomic('/tmp/descent-never-written', 3 as never),
        message: /expected data to be a Uint8Array or a string, got the number 3/,
      },
    ],

    Activation: [
      {
        what: 'no activation',
        call: () => new api.Activation({} as never),
        message: /expected a name or a function, got undefined/,
        names: 'activation',
      },
    ],
    AvgPool2D: [
      {
        what: 'a zero pool size',
        call: () => new api.AvgPool2D({ poolSize: 0 }),
        message: /poolSize must be a positive integer or two, got 0/,
      },
    ],
    MaxPool2D: [
      {
        what: 'an unknown padding',
        call: () => new api.MaxPool2D({ padding: 'full' as never }),
        message: /padding must be one of 'valid', 'same', got "full"/,
      },
    ],
    BatchNormalization: [
      {
        what: 'args a string',
        call: () => new api.BatchNormalization('bn' as never),
        message: /expected options to be an object, got the string "bn"/,
      },
      {
        what: 'a string momentum',
        call: () => new api.BatchNormalization({ momentum: 'high' as never }),
        message: /momentum must be a finite number/,
      },
    ],
    Conv2D: [
      {
        what: 'no args',
        call: () => new api.Conv2D(undefined as never),
        message: /filters must be a positive integer, got undefined/,
      },
      {
        what: 'a kernel size of 0',
        call: () => new api.Conv2D({ filters: 2, kernelSize: 0 }),
        message: /kernelSize must be a positive integer or two/,
      },
    ],
    Dense: [
      {
        what: 'no args',
        call: () => new api.Dense(undefined as never),
        message: /units must be a positive integer, got undefined/,
      },
      {
        what: 'a tensor for args',
        call: () => new api.Dense(t as never),
        message: /expected options to be an object, got a Tensor/,
      },
      {
        what: 'a negative unit count',
        call: () => new api.Dense({ units: -1 }),
        message: /units must be a positive integer, got -1/,
      },
      {
        what: 'a bad input shape',
        call: () => new api.Dense({ units: 1, inputShape: [-2] }),
        message: /inputShape must be sizes or null/,
      },
    ],
    Dropout: [
      {
        what: 'a rate of 1',
        call: () => new api.Dropout({ rate: 1 }),
        message: /rate must be in \[0, 1\), got 1/,
      },
    ],
    Embedding: [
      {
        what: 'no args',
        call: () => new api.Embedding(undefined as never),
        message: /inputDim must be a positive integer, got undefined/,
      },
      {
        what: 'no output dimension',
        call: () => new api.Embedding({ inputDim: 3 } as never),
        message: /outputDim must be a positive integer/,
      },
    ],
    Flatten: [
      {
        what: 'an array for args',
        call: () => new api.Flatten([1, 2] as never),
        message: /expected options to be an object, got an array/,
      },
    ],
    GlobalAveragePooling2D: [
      {
        what: 'keepDims a string',
        call: () => new api.GlobalAveragePooling2D({ keepDims: 'yes' as never }),
        message: /keepDims must be a boolean/,
      },
    ],
    LayerNormalization: [
      {
        what: 'an empty axis list',
        call: () => new api.LayerNormalization({ axis: [] }),
        message: /axis must be an integer or a non-empty list of them/,
      },
    ],
    Reshape: [
      {
        what: 'two -1s',
        call: () => new api.Reshape({ targetShape: [-1, -1] }),
        message: /targetShape must be non-negative integers with at most one -1, got \[-1,-1\]/,
      },
    ],

    binaryCrossentropy: [
      {
        what: 'null options',
        call: () => api.binaryCrossentropy(null as never),
        message: /expected options to be an object, got null/,
      },
      {
        what: 'label smoothing of 2',
        call: () => api.binaryCrossentropy({ labelSmoothing: 2 }),
        message: /labelSmoothing must be in \[0, 1\], got 2/,
      },
      {
        what: 'an array for yTrue',
        call: () => api.binaryCrossentropy()([1] as never, t),
        message: /expected yTrue to be a Tensor, got object/,
      },
    ],
    categoricalCrossentropy: [
      {
        what: 'fromLogits a string',
        call: () => api.categoricalCrossentropy({ fromLogits: 'yes' as never }),
        message: /fromLogits must be a boolean/,
      },
      {
        what: 'options a number',
        call: () => api.categoricalCrossentropy(1 as never),
        message: /got the number 1/,
      },
    ],
    sparseCategoricalCrossentropy: [
      {
        what: 'options an array',
        call: () => api.sparseCategoricalCrossentropy([] as never),
        message: /got an array/,
      },
      {
        what: 'yPred a string',
        call: () => api.sparseCategoricalCrossentropy()(t, 'p' as never),
        message: /expected yPred to be a Tensor, got string/,
      },
    ],
    huber: [
      { what: 'null options', call: () => api.huber(null as never), message: opts },
      {
        what: 'a string delta',
        call: () => api.huber({ delta: '1' as never }),
        message: /delta must be a finite number, got "1"/,
      },
    ],
    meanSquaredError: [
      { what: 'null options', call: () => api.meanSquaredError(null as never), message: opts },
      {
        what: 'an unknown reduction',
        call: () => api.meanSquaredError({ reduction: 'max' as never }),
        message: /reduction must be one of 'mean', 'sum', 'none', got "max"/,
      },
      {
        what: 'shapes that differ',
        call: () => api.meanSquaredError()(t, x),
        message: /yTrue \[3\] and yPred \[1,2\] must have the same shape/,
        error: ShapeError,
      },
    ],
    meanAbsoluteError: [
      {
        what: 'options a string',
        call: () => api.meanAbsoluteError('mean' as never),
        message: /got the string "mean"/,
      },
    ],
    resolveLoss: [
      {
        what: 'a string for the runtime',
        call: () => api.resolveLoss('mse' as never, 'meanSquaredError'),
        message: /expected the first argument to be a Runtime/,
      },
      {
        what: 'a number spec',
        call: () => api.resolveLoss(rt, 3 as never),
        message: /expected a loss name, \{className, config\} or function, got 3/,
        names: 'loss',
      },
    ],

    binaryAccuracy: [{ what: 'null options', call: () => api.binaryAccuracy(null as never), message: opts }],
    categoricalAccuracy: [
      { what: 'options a string', call: () => api.categoricalAccuracy('acc' as never), message: opts },
    ],
    sparseCategoricalAccuracy: [
      { what: 'null options', call: () => api.sparseCategoricalAccuracy(null as never), message: opts },
    ],
    topKCategoricalAccuracy: [
      { what: 'null options', call: () => api.topKCategoricalAccuracy(null as never), message: opts },
      {
        what: 'k of 0',
        call: () => api.topKCategoricalAccuracy({ k: 0 }),
        message: /k must be a positive integer/,
      },
    ],
    sparseTopKCategoricalAccuracy: [
      {
        what: 'options a number',
        call: () => api.sparseTopKCategoricalAccuracy(5 as never),
        message: /got the number 5/,
      },
    ],
    precision: [{ what: 'null options', call: () => api.precision(null as never), message: opts }],
    recall: [{ what: 'options an array', call: () => api.recall([0.5] as never), message: /got an array/ }],
    meanMetric: [{ what: 'null options', call: () => api.meanMetric(null as never), message: opts }],
    MeanMetric: [
      { what: 'options a string', call: () => new api.MeanMetric('loss' as never), message: opts },
      {
        what: 'a numeric name',
        call: () => new api.MeanMetric({ name: 3 as never }),
        message: /expected options.name to be a string, got the number 3/,
      },
    ],
    meanLoss: [
      {
        what: 'a loss name',
        call: () => api.meanLoss('mse' as never),
        message: /expected loss to be a function, got the string "mse"/,
      },
      {
        what: 'null options',
        call: () => api.meanLoss(api.meanSquaredError(), null as never),
        message: opts,
      },
    ],
    resolveMetric: [
      {
        what: 'no runtime',
        call: () => api.resolveMetric(null as never, 'accuracy'),
        message: /expected the first argument to be a Runtime, got null/,
      },
      {
        what: 'a number spec',
        call: () => api.resolveMetric(rt, 3 as never),
        message: /expected a metric name/,
        names: 'metric',
      },
    ],

    ComposedModel: [
      {
        what: 'no args',
        call: () => new api.ComposedModel(undefined as never),
        message: /forward must be a function \(x, ctx\) => Tensor, got undefined/,
        names: 'createModel',
      },
    ],
    createModel: [
      {
        what: 'args a function',
        call: () => api.createModel((() => x) as never),
        message: /expected options to be an object, got a function/,
        names: 'ComposedModel',
      },
      {
        what: 'a forward that is a string',
        call: () => api.createModel({ forward: 'f' as never }),
        message: /forward must be a function .* got the string "f"/,
      },
    ],
    Sequential: [
      {
        what: 'layers a string',
        call: () => new api.Sequential({ layers: 'dense' as never }),
        message: /layers must be an array of layers, got string/,
      },
      {
        what: 'a number among the layers',
        call: () => new api.Sequential({ layers: [1 as never] }),
        message: /expected a Layer, got number/,
      },
    ],
    sequential: [
      {
        what: 'a layer, not a list',
        call: () => api.sequential(new api.Flatten() as never),
        message: /layers must be an array of layers, got object/,
        names: 'Sequential',
      },
      {
        what: 'args a string',
        call: () => api.sequential([], 'model' as never),
        message: /expected args to be an object, got the string "model"/,
      },
    ],

    resolveRegularizer: [
      {
        what: 'a string for the runtime',
        call: () => api.resolveRegularizer('l2' as never, 'l2'),
        message: /expected the first argument to be a Runtime/,
      },
      {
        what: 'a number spec',
        call: () => api.resolveRegularizer(rt, 3 as never),
        message: /expected a name, a \{className, config\} or an object with penalty\(\), got 3/,
        names: 'regularizer',
      },
    ],
    resolveConstraint: [
      {
        what: 'no runtime',
        call: () => api.resolveConstraint(undefined as never, 'nonNeg'),
        message: /expected the first argument to be a Runtime, got undefined/,
      },
      {
        what: 'null spec',
        call: () => api.resolveConstraint(rt, null as never),
        message: /got null/,
        names: 'constraint',
      },
    ],
    serializeEntry: [
      {
        what: 'undefined',
        call: () => api.serializeEntry(undefined as never),
        message: /expected a name, a \{className, config\}, a regularizer or a constraint, got undefined/,
      },
      { what: 'a number', call: () => api.serializeEntry(3 as never), message: /got the number 3/ },
    ],

    saveModel: [
      {
        what: 'a string for the model',
        call: () => api.saveModel('m' as never, '/tmp/descent-never'),
        message: /expected model to be a Layer \(a layer or model\), got the string "m"/,
      },
      {
        what: 'no directory',
        call: () => api.saveModel(dense(), undefined as never),
        message: /expected a directory path, got undefined/,
      },
    ],
    loadModel: [
      {
        what: 'a path for the runtime',
        call: () => api.loadModel('/tmp/m' as never, '/tmp/m'),
        message: /expected the first argument to be a Runtime/,
      },
      {
        what: 'a number path',
        call: () => api.loadModel(rt, 3 as never),
        message: /expected a directory path, got the number 3/,
      },
      { what: 'options a string', call: () => api.loadModel(rt, '/tmp/m', 'strict' as never), message: opts },
    ],
    saveWeights: [
      {
        what: 'no model',
        call: () => api.saveWeights(undefined as never, '/tmp/w'),
        message: /expected model to be a Layer/,
      },
      {
        what: 'an empty path',
        call: () => api.saveWeights(dense(), ''),
        message: /expected a file path, got the string ""/,
      },
    ],
    loadWeights: [
      {
        what: 'a tensor for the model',
        call: () => api.loadWeights(t as never, '/tmp/w'),
        message: /got a Tensor of shape \[3\]/,
      },
      { what: 'options null', call: () => api.loadWeights(dense(), '/tmp/w', null as never), message: opts },
    ],
    serializeLayer: [
      {
        what: 'undefined',
        call: () => api.serializeLayer(undefined as never),
        message: /expected layer to be a Layer \(a layer or model\), got undefined/,
      },
    ],
    deserializeLayer: [
      {
        what: 'no runtime',
        call: () => api.deserializeLayer(undefined as never, {}),
        message: /expected the first argument to be a Runtime/,
      },
      {
        what: 'a string config',
        call: () => api.deserializeLayer(rt, 'Dense'),
        message: /a layer config must be an object \{className, config\}/,
        error: api.SerializationError,
        names: 'layer config',
      },
    ],
    modelToJSON: [
      {
        what: 'an object that is not a layer',
        call: () => api.modelToJSON({} as never),
        message: /expected model to be a Layer .* got an object/,
      },
    ],
    modelFromJSON: [
      {
        what: 'no runtime',
        call: () => api.modelFromJSON(null as never, {}),
        message: /expected the first argument to be a Runtime, got null/,
      },
      { what: 'options a string', call: () => api.modelFromJSON(rt, {}, 'x' as never), message: opts },
      {
        what: 'not a model config',
        call: () => api.modelFromJSON(rt, { format: 'keras' }),
        message: /not a descent model config/,
        error: api.SerializationError,
        names: 'model config',
      },
    ],
    encodeSafetensors: [
      {
        what: 'a string',
        call: () => api.encodeSafetensors('w' as never),
        message: /expected tensors as a tree or \[name, Tensor\] pairs, got the string "w"/,
      },
      {
        what: 'pairs of numbers',
        call: () => api.encodeSafetensors([['w', 1]] as never),
        message: /expected \[name, Tensor\] pairs, got an array among them/,
      },
      {
        what: 'metadata a string',
        call: () => api.encodeSafetensors({ w: t }, 'meta' as never),
        message: /expected metadata to be an object, got the string "meta"/,
      },
    ],
    decodeSafetensors: [
      {
        what: 'a string',
        call: () => api.decodeSafetensors('bytes' as never),
        message: /expected the file's bytes as a Uint8Array, got string/,
        error: api.SerializationError,
        names: 'Uint8Array',
      },
      {
        what: 'four bytes',
        call: () => api.decodeSafetensors(new Uint8Array(4)),
        message: /the file is 4 bytes/,
        error: api.SerializationError,
        names: 'safetensors',
      },
    ],
    weightsToSafetensors: [
      {
        what: 'undefined',
        call: () => api.weightsToSafetensors(undefined as never),
        message: /expected model to be a Layer/,
      },
    ],
    loadWeightsFromSafetensors: [
      {
        what: 'null model',
        call: () => api.loadWeightsFromSafetensors(null as never, new Uint8Array(0)),
        message: /expected model to be a Layer .* got null/,
      },
      {
        what: 'options a string',
        call: () => api.loadWeightsFromSafetensors(dense(), new Uint8Array(0), 'x' as never),
        message: opts,
      },
    ],
    Variable: [
      {
        what: 'no name',
        call: () => new api.Variable(undefined as never, t, true),
        message: /expected a weight name, got undefined/,
      },
      {
        what: 'an array value',
        call: () => new api.Variable('w', [1] as never, true),
        message: /expected the value of "w" to be a Tensor, got an array/,
      },
      {
        what: 'trainable a string',
        call: () => new api.Variable('w', t, 'yes' as never),
        message: /expected trainable to be a boolean, got the string "yes"/,
      },
    ],
  });
});

describe('every public method of layers and models validates its input', () => {
  const internal = { none: 'internal: called by the layer itself with checked values' };
  const noArgs = { none: 'takes no arguments' };
  runMethodValidationSweep('Layer', api.Layer.prototype, {
    _assignName: internal,
    _invoke: internal,
    resolveWeights: internal,
    updateState: internal,
    checkShape: internal,
    checkInput: internal,
    checkAgainstSpec: internal,
    defaultInputShape: { none: 'protected, no arguments' },
    build: { none: 'protected: init calls it with a checked shape' },
    addWeight: { none: 'protected: subclasses call it in build' },
    inputSpec: { none: 'protected, no arguments' },
    inputDtype: noArgs,
    params: noArgs,
    trainableParams: noArgs,
    nonTrainableParams: noArgs,
    applyConstraints: noArgs,
    getConfig: noArgs,
    dispose: noArgs,
    variables: { none: 'its arguments are the prefix and flag a model passes down' },
    init: [
      {
        what: 'a string for the runtime',
        call: () => new api.Dense({ units: 2 }).init('cpu' as never, [null, 2]),
        message: /dense: the first argument to be a Runtime, got the string "cpu"/,
      },
      {
        what: 'no input shape',
        call: () => new api.Dense({ units: 2 }).init(rt),
        message: /no input shape to build for/,
        names: 'Dense',
      },
      {
        what: 'a shape of strings',
        call: () => new api.Dense({ units: 2 }).init(rt, ['a'] as never),
        message: /expected a shape of sizes or null/,
      },
    ],
    computeOutputShape: [
      {
        what: 'undefined',
        call: () => dense().computeOutputShape(undefined as never),
        message: /dense: expected a shape of sizes or null, got undefined/,
      },
      {
        what: 'a number',
        call: () => new api.Flatten().computeOutputShape(4 as never),
        message: /got the number 4/,
      },
    ],
    call: [
      {
        what: 'an array input',
        call: () => dense().call([[1, 2]] as never),
        message: /expected the input to be a Tensor, got an array/,
        names: 'dense',
      },
      {
        what: 'null options',
        call: () => dense().call(x, null as never),
        message: /dense.call: expected options to be an object, got null/,
      },
      {
        what: 'an input of the wrong width',
        call: () => dense().call(t),
        message: /expected input of shape \[null,2\] \(rank >= 2\), received \[3\]/,
        error: api.LayerError,
        names: 'Dense',
      },
    ],
    apply: [
      {
        what: 'params a tensor',
        call: () => dense().apply(t as never, x),
        message: /parameters must be an object of tensors by weight name/,
        names: 'Dense',
      },
      {
        what: 'options a string',
        call: () => dense().apply(dense().params(), x, 'train' as never),
        message: /dense.apply: expected options to be an object, got the string "train"/,
      },
    ],
    countParams: [
      {
        what: 'an unknown selection',
        call: () => dense().countParams('frozen' as never),
        message: /expected 'all', 'trainable' or 'nonTrainable', got the string "frozen"/,
      },
    ],
    assign: [
      {
        what: 'an unknown path',
        call: () => dense().assign({ bias2: t }),
        message: /assign: no weight at "bias2"/,
        names: 'Dense',
      },
      {
        what: 'a weight of the wrong shape',
        call: () => dense().assign({ bias: t }),
        message: /"bias" is float32 \[2\], got float32 \[3\]/,
        names: 'Dense',
      },
      {
        what: 'a string',
        call: () => dense().assign('w' as never),
        message: /parameter "\(root\)" is string, expected a Tensor/,
      },
    ],
    regularizationLoss: [
      {
        what: 'a number for the params',
        call: () => dense().regularizationLoss(3 as never),
        message: /parameter "\(root\)" is number, expected a Tensor/,
      },
    ],
  });
  runMethodValidationSweep('Model', api.Model.prototype, {
    track: { none: 'protected: constructors call it with each listed layer (checked there)' },
    build: { none: 'protected: init calls it with a checked shape' },
    forward: internal,
    _invoke: internal,
    bind: internal,
    variables: { none: 'its arguments are the prefix and flag a parent model passes down' },
    dispose: noArgs,
    getLayer: [
      {
        what: 'an unknown name',
        call: () => model().getLayer('conv'),
        message: /has no layer "conv" \(layers: dense\)/,
        names: 'sequential',
      },
    ],
    summary: [
      {
        what: 'null options',
        call: () => model().summary(null as never),
        message: /summary: expected options to be an object, got null/,
      },
      {
        what: 'an unbuilt model',
        call: () => api.sequential([new api.Dense({ units: 1 })]).summary(),
        message: /is not built yet/,
        names: 'Sequential',
      },
    ],
  });
  runMethodValidationSweep('Sequential', api.Sequential.prototype, {
    defaultInputShape: { none: 'protected, no arguments' },
    inputDtype: noArgs,
    build: { none: 'protected: init calls it with a checked shape' },
    body: internal,
    getConfig: noArgs,
    add: [
      {
        what: 'a string',
        call: () => api.sequential().add('dense' as never),
        message: /expected a Layer, got string/,
        names: 'Sequential',
      },
      {
        what: 'a built model',
        call: () => model().add(new api.Flatten()),
        message: /is built; add layers before building it/,
        names: 'Sequential',
      },
    ],
    computeOutputShape: [
      {
        what: 'null',
        call: () => model().computeOutputShape(null as never),
        message: /sequential: expected a shape of sizes or null, got null/,
      },
    ],
  });
});
