import { DescentError, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { LayerError } from './errors';
import type { Layer } from './layer';
import { AvgPool2D } from './layers/avg-pool2d';
import { BatchNormalization } from './layers/batch-normalization';
import { Conv2D } from './layers/conv2d';
import { Dense } from './layers/dense';
import { Embedding } from './layers/embedding';
import { GlobalAveragePooling2D } from './layers/global-average-pooling2d';
import { LayerNormalization } from './layers/layer-normalization';
import { MaxPool2D } from './layers/max-pool2d';
import { Reshape } from './layers/reshape';
import { sequential } from './models/sequential';
import { runtime } from './test-utils/fixtures';

const rt = runtime();
const zeros = (...shape: number[]) => rt.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);

function layerError(fn: () => unknown): LayerError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LayerError);
    expect(e).toBeInstanceOf(DescentError);
    expect((e as LayerError).code).toBe('LAYER');
    return e as LayerError;
  }
  throw new Error('expected a LayerError');
}

describe('a layer called on an input it cannot take says which layer, what it expected and what came', () => {
  const cases: [string, () => Layer, number[], Tensor, string, string][] = [
    [
      'Dense: wrong feature count',
      () => new Dense({ units: 2, name: 'head' }),
      [null as never, 4],
      zeros(3, 5),
      'Dense "head": expected input of shape [null,4], received [3,5]',
      '[null,4]',
    ],
    [
      'Dense: rank 1',
      () => new Dense({ units: 2 }),
      [null as never, 4],
      zeros(4),
      'Dense "dense": expected input of shape [null,4] (rank >= 2), received [4]',
      '[null,4]',
    ],
    [
      'Conv2D: wrong channel count',
      () => new Conv2D({ filters: 8, kernelSize: 3 }),
      [null as never, 8, 8, 3],
      zeros(2, 8, 8, 1),
      'Conv2D "conv2d": expected input of shape [null,null,null,3], received [2,8,8,1]',
      '[null,null,null,3]',
    ],
    [
      'Conv2D: rank 3',
      () => new Conv2D({ filters: 8, kernelSize: 3 }),
      [null as never, 8, 8, 3],
      zeros(8, 8, 3),
      'Conv2D "conv2d": expected input of shape [null,null,null,3] (rank 4), received [8,8,3]',
      '[null,null,null,3]',
    ],
    [
      'MaxPool2D: rank 2',
      () => new MaxPool2D(),
      [null as never, 4, 4, 1],
      zeros(4, 4),
      'MaxPool2D "max_pool2d": expected input of shape [null,null,null,null] (rank 4), received [4,4]',
      '[null,null,null,null]',
    ],
    [
      'AvgPool2D: rank 5',
      () => new AvgPool2D(),
      [null as never, 4, 4, 1],
      zeros(1, 1, 4, 4, 1),
      'AvgPool2D "avg_pool2d": expected input of shape [null,null,null,null] (rank 4), received [1,1,4,4,1]',
      '[null,null,null,null]',
    ],
    [
      'GlobalAveragePooling2D: rank 3',
      () => new GlobalAveragePooling2D(),
      [null as never, 4, 4, 1],
      zeros(4, 4, 1),
      'GlobalAveragePooling2D "global_average_pooling2d": expected input of shape [null,null,null,null] (rank 4), received [4,4,1]',
      '[null,null,null,null]',
    ],
    [
      'BatchNormalization: wrong channel count',
      () => new BatchNormalization(),
      [null as never, 3, 3, 4],
      zeros(2, 3, 3, 5),
      'BatchNormalization "batch_normalization": expected input of shape [null,null,null,4], received [2,3,3,5]',
      '[null,null,null,4]',
    ],
    [
      'LayerNormalization: wrong feature count',
      () => new LayerNormalization(),
      [null as never, 6],
      zeros(2, 7),
      'LayerNormalization "layer_normalization": expected input of shape [null,6], received [2,7]',
      '[null,6]',
    ],
  ];
  it.each(cases)('%s', (_, make, buildShape, x, message, expected) => {
    const layer = make().init(rt, buildShape);
    const e = layerError(() => layer.call(x));
    expect(e.message).toBe(message);
    expect(e.layer).toBe(layer.name);
    expect(e.className).toBe(layer.className);
    expect(e.expected).toBe(expected);
    expect(e.received).toEqual(x.shape);
  });

  it('inside a model, the error names the inner layer', () => {
    const model = sequential([new Dense({ units: 4, inputShape: [3] }), new Dense({ units: 2 })]).init(rt);
    expect(layerError(() => model.call(zeros(1, 2))).message).toBe(
      'Dense "dense": expected input of shape [null,3], received [1,2]',
    );
  });

  it('building on an impossible shape fails before any weight exists', () => {
    const conv = new Conv2D({ filters: 2, kernelSize: 5 });
    expect(layerError(() => conv.init(rt, [null, 3, 3, 1])).message).toMatch(
      /Conv2D "conv2d": the 5x5 kernel .* does not fit input \[null,3,3,1\]/,
    );
    expect(conv.built).toBe(false);
    expect(layerError(() => new Dense({ units: 2 }).init(rt, [null, null])).message).toMatch(
      /last axis of the input must be known/,
    );
    expect(
      layerError(() => new Conv2D({ filters: 1, kernelSize: 1 }).init(rt, [null, 4, 4])).message,
    ).toMatch(/rank 4/);
    expect(layerError(() => new Reshape({ targetShape: [4] }).init(rt, [null, 6])).message).toBe(
      'Reshape "reshape": cannot reshape samples of input [null,6] to [null,4]',
    );
  });

  it('dtype: float layers refuse int32, Embedding takes ids', () => {
    const ids = rt.tensor(new Int32Array([1, 2]), [1, 2]);
    expect(layerError(() => new Dense({ units: 1 }).call(ids)).message).toBe(
      'Dense "dense": expected a float32 input, received int32 [1,2]',
    );
    expect(new Embedding({ inputDim: 3, outputDim: 2 }).call(ids).shape).toEqual([1, 2, 2]);
  });
});
