import { gradCheck } from '@descent/autograd';
import {
  add,
  flattenParams,
  type ParamTree,
  randomUniform,
  type Tensor,
  unflattenParams,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { builtinActivations } from './activations/activation-fn';
import { RandomUniform } from './initializers/random-uniform';
import { batchless } from './internal/shapes';
import type { Layer } from './layer';
import { Activation } from './layers/activation';
import { AvgPool2D } from './layers/avg-pool2d';
import { BatchNormalization } from './layers/batch-normalization';
import { Conv2D } from './layers/conv2d';
import { Dense } from './layers/dense';
import { Dropout } from './layers/dropout';
import { Embedding } from './layers/embedding';
import { Flatten } from './layers/flatten';
import { GlobalAveragePooling2D } from './layers/global-average-pooling2d';
import { LayerNormalization } from './layers/layer-normalization';
import { MaxPool2D } from './layers/max-pool2d';
import { Reshape } from './layers/reshape';
import { builtinLosses } from './losses/builtin-losses';
import { createModel } from './models/create-model';
import { sequential } from './models/sequential';
import { runtime64 } from './test-utils/fixtures';

// Every layer's gradients, with respect to its input and each trainable weight, against
// central finite differences in float64.
const rt = runtime64(3);
const uniform = (shape: number[], min = -1, max = 1) => randomUniform(rt, shape, { min, max });

/** gradCheck of `layer.apply(weights, x)` over x and every trainable weight (a flat layer or a model). */
function check(
  layer: Layer,
  x: Tensor,
  options: { training?: boolean; reseed?: number; inputGrad?: boolean } = {},
) {
  layer.init(rt, batchless(x.shape));
  const tree = layer.trainableParams();
  const weights = flattenParams('check', tree).map((l) => l.tensor);
  const inputs = options.inputGrad === false ? weights : [x, ...weights];
  const report = gradCheck(
    (...ts: Tensor[]) => {
      if (options.reseed !== undefined) rt.seed(options.reseed);
      const [xx, ws] = options.inputGrad === false ? [x, ts] : [ts[0]!, ts.slice(1)];
      return layer.apply(unflattenParams(tree as ParamTree, ws) as Record<string, ParamTree>, xx, {
        training: options.training ?? false,
        updateState: false,
      });
    },
    inputs,
    { runtime: rt },
  );
  expect(report.ok, report.message).toBe(true);
  expect(report.checked).toBeGreaterThan(0);
  return report;
}

describe('gradCheck of every layer (float64)', () => {
  it('Dense, rank 2 and rank 3, with an activation', () => {
    check(new Dense({ units: 3, activation: 'tanh', biasInitializer: 'randomNormal' }), uniform([4, 5]));
    check(new Dense({ units: 2, useBias: false }), uniform([2, 3, 4]));
  });
  it('Conv2D: same padding with stride 2, valid with dilation 2', () => {
    check(
      new Conv2D({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', biasInitializer: 'randomNormal' }),
      uniform([2, 5, 4, 2]),
    );
    check(
      new Conv2D({ filters: 2, kernelSize: [2, 3], dilationRate: 2, padding: 'valid' }),
      uniform([1, 5, 6, 2]),
    );
    check(new Conv2D({ filters: 2, kernelSize: 2, dilationRate: 2, padding: 'same' }), uniform([1, 4, 4, 1]));
  });
  it('MaxPool2D and AvgPool2D, valid and same', () => {
    // Distinct values, so each window has one maximum.
    const distinct = (shape: number[]) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const order = rt.shuffle(n);
      return rt.tensor(
        Float64Array.from(order, (v) => v / n - 0.5),
        shape,
      );
    };
    check(new MaxPool2D({ poolSize: 2 }), distinct([2, 4, 4, 2]));
    check(new MaxPool2D({ poolSize: 3, strides: 2, padding: 'same' }), distinct([1, 5, 6, 2]));
    check(new AvgPool2D({ poolSize: 2 }), uniform([2, 4, 4, 2]));
    check(new AvgPool2D({ poolSize: 3, strides: 2, padding: 'same' }), uniform([1, 5, 6, 2]));
  });
  it('GlobalAveragePooling2D, Flatten, Reshape', () => {
    check(new GlobalAveragePooling2D(), uniform([2, 3, 3, 2]));
    check(new Flatten(), uniform([2, 3, 2, 2]));
    check(new Reshape({ targetShape: [-1, 2] }), uniform([2, 6]));
  });
  it('Dropout in training (one mask, drawn from a reseeded RNG) and at inference', () => {
    check(new Dropout({ rate: 0.4 }), uniform([3, 5]), { training: true, reseed: 11 });
    check(new Dropout({ rate: 0.4 }), uniform([3, 5]));
  });
  it('BatchNormalization in training (through the batch statistics) and inference', () => {
    const bn = () =>
      new BatchNormalization({
        gammaInitializer: new RandomUniform({ min: 0.5, max: 1.5 }),
        betaInitializer: 'randomNormal',
      });
    check(bn(), uniform([4, 2, 2, 3], -2, 2), { training: true });
    check(bn(), uniform([4, 2, 2, 3], -2, 2));
    check(new BatchNormalization({ axis: 1 }), uniform([5, 3], -2, 2), { training: true });
  });
  it('LayerNormalization over one and two axes', () => {
    check(new LayerNormalization({ betaInitializer: 'randomNormal' }), uniform([3, 5], -2, 2));
    check(new LayerNormalization({ axis: [-2, -1] }), uniform([2, 3, 4], -2, 2));
  });
  it('Embedding (with respect to the table; ids are not differentiable)', () => {
    const ids = rt.tensor(new Int32Array([0, 3, 3, 1, 4, 0]), [2, 3]);
    check(new Embedding({ inputDim: 5, outputDim: 3 }), ids, { inputGrad: false });
  });
  it.each(Object.keys(builtinActivations))('Activation %s', (name) => {
    // Away from relu/leakyRelu/elu kinks at 0.
    const x = rt.tensor([
      [-1.7, -0.6, 0.3, 1.2, 2.5],
      [0.9, -2.2, 0.45, -0.15, 1.6],
    ]);
    check(new Activation({ activation: name }), x);
  });
  it('a Sequential model, through model.apply on its parameter tree', () => {
    const model = sequential([
      new Conv2D({ filters: 2, kernelSize: 3, padding: 'same', activation: 'tanh' }),
      new BatchNormalization(),
      new AvgPool2D(),
      new Flatten(),
      new Dense({ units: 3, activation: 'softplus' }),
    ]);
    check(model, uniform([2, 4, 4, 1]), { training: true });
  });
  it('a composed model with a shared skip path', () => {
    const a = new Dense({ units: 3, activation: 'tanh' });
    const b = new Dense({ units: 3 });
    const model = createModel({ layers: [a, b], forward: (x) => add(b.call(a.call(x)), a.call(x)) });
    check(model, uniform([2, 4]));
  });
});

describe('gradCheck of every loss with respect to the predictions (float64)', () => {
  const probs = () => uniform([3, 4], 0.1, 0.9);
  const cases: [string, Record<string, unknown>, () => Tensor, () => Tensor][] = [
    ['meanSquaredError', {}, () => uniform([3, 4]), () => uniform([3, 4])],
    ['meanAbsoluteError', {}, () => uniform([3, 4], 1, 2), () => uniform([3, 4], -1, 0)],
    ['huber', { delta: 0.5 }, () => uniform([3, 4]), () => uniform([3, 4], 1.2, 2)],
    [
      'binaryCrossentropy',
      {},
      () =>
        rt.tensor([
          [1, 0, 1, 0],
          [0, 0, 1, 1],
          [1, 1, 0, 0],
        ]),
      probs,
    ],
    [
      'binaryCrossentropy',
      { fromLogits: true, labelSmoothing: 0.1 },
      () =>
        rt.tensor([
          [1, 0, 1, 0],
          [0, 0, 1, 1],
          [1, 1, 0, 0],
        ]),
      () => uniform([3, 4], -3, 3),
    ],
    [
      'categoricalCrossentropy',
      { fromLogits: true, labelSmoothing: 0.1 },
      () =>
        rt.tensor([
          [1, 0, 0, 0],
          [0, 0, 1, 0],
          [0, 1, 0, 0],
        ]),
      () => uniform([3, 4], -3, 3),
    ],
    [
      'categoricalCrossentropy',
      {},
      () =>
        rt.tensor([
          [1, 0, 0, 0],
          [0, 0, 1, 0],
          [0, 1, 0, 0],
        ]),
      probs,
    ],
    [
      'sparseCategoricalCrossentropy',
      { fromLogits: true, labelSmoothing: 0.2 },
      () => rt.tensor(new Int32Array([2, 0, 3]), [3]),
      () => uniform([3, 4], -3, 3),
    ],
  ];
  it.each(cases)('%s %j', (name, options, yTrue, yPred) => {
    const loss = builtinLosses[name]!(options as never);
    const y = yTrue();
    const report = gradCheck((p: Tensor) => loss(y, p), [yPred()], { runtime: rt });
    expect(report.ok, report.message).toBe(true);
  });
});
