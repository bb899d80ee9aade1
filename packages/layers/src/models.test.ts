import { valueAndGrad } from '@descent/autograd';
import {
  add,
  flattenParams,
  InvalidArgumentError,
  mul,
  type ParamTree,
  relu,
  square,
  sub,
  sum,
  type Tensor,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { LayerError } from './errors';
import { Constant } from './initializers/constant';
import { Layer, type LayerParams } from './layer';
import { Activation } from './layers/activation';
import { BatchNormalization } from './layers/batch-normalization';
import { Conv2D } from './layers/conv2d';
import { Dense } from './layers/dense';
import { Dropout } from './layers/dropout';
import { Embedding } from './layers/embedding';
import { Flatten } from './layers/flatten';
import { GlobalAveragePooling2D } from './layers/global-average-pooling2d';
import { MaxPool2D } from './layers/max-pool2d';
import { Reshape } from './layers/reshape';
import { meanSquaredError } from './losses/mean-squared-error';
import { createModel } from './models/create-model';
import { Model } from './models/model';
import { sequential } from './models/sequential';
import type { Constraint, Regularizer } from './regularizer';
import { runtime } from './test-utils/fixtures';
import type { SymbolicShape } from './types';

const rt = runtime(42);
const paths = (tree: ParamTree) => flattenParams('test', tree).map((l) => `${l.path} [${l.tensor.shape}]`);

describe('Sequential', () => {
  it('names layers per model like Keras and keys parameters by stable paths', () => {
    const model = sequential([
      new Dense({ units: 8, inputShape: [4] }),
      new Dense({ units: 8 }),
      new Dense({ units: 2 }),
    ]);
    expect(model.layers.map((l) => l.name)).toEqual(['dense', 'dense_1', 'dense_2']);
    model.init(rt);
    expect(paths(model.params())).toEqual([
      'dense/kernel [4,8]',
      'dense/bias [8]',
      'dense_1/kernel [8,8]',
      'dense_1/bias [8]',
      'dense_2/kernel [8,2]',
      'dense_2/bias [2]',
    ]);
    // A second model names its own layers from scratch; given names are kept.
    const other = sequential([new Dense({ units: 1, name: 'head' }), new Dense({ units: 1 })]);
    expect(other.layers.map((l) => l.name)).toEqual(['head', 'dense']);
    expect(() =>
      sequential([new Dense({ units: 1, name: 'x' }), new Dense({ units: 1, name: 'x' })]),
    ).toThrow(/two layers named "x"/);
    expect(() => new Dense({ units: 1, name: 'a/b' })).toThrow(InvalidArgumentError);
  });

  it('separates trainable and non-trainable parameters, and freezes layers', () => {
    const model = sequential([
      new Dense({ units: 3 }),
      new BatchNormalization(),
      new Dense({ units: 1 }),
    ]).init(rt, [null, 2]);
    expect(paths(model.trainableParams())).toEqual([
      'dense/kernel [2,3]',
      'dense/bias [3]',
      'batch_normalization/gamma [3]',
      'batch_normalization/beta [3]',
      'dense_1/kernel [3,1]',
      'dense_1/bias [1]',
    ]);
    expect(paths(model.nonTrainableParams())).toEqual([
      'batch_normalization/moving_mean [3]',
      'batch_normalization/moving_variance [3]',
    ]);
    expect(model.countParams()).toBe(9 + 12 + 4);
    expect(model.countParams('nonTrainable')).toBe(6);
    model.layers[0]!.trainable = false;
    expect(Object.keys(model.trainableParams())).toEqual(['batch_normalization', 'dense_1']);
    model.trainable = false;
    expect(model.trainableParams()).toEqual({});
    expect(model.countParams('trainable')).toBe(0);
  });

  it('prints a Keras-like summary', () => {
    const model = sequential(
      [
        new Conv2D({ filters: 4, kernelSize: 3, inputShape: [28, 28, 1], activation: 'relu' }),
        new MaxPool2D(),
        new BatchNormalization(),
        new Flatten(),
        new Dropout({ rate: 0.5 }),
        new Dense({ units: 10 }),
      ],
      { name: 'mnist_cnn' },
    ).init(rt);
    let printed = '';
    const text = model.summary({ print: (t) => (printed = t) });
    expect(printed).toBe(text);
    expect(text).toBe(
      [
        'Model: "mnist_cnn"',
        '_'.repeat(78),
        ' Layer (type)                             Output Shape              Param #',
        '='.repeat(78),
        ' conv2d (Conv2D)                          (None, 26, 26, 4)         40',
        ' max_pool2d (MaxPool2D)                   (None, 13, 13, 4)         0',
        ' batch_normalization (BatchNormalization) (None, 13, 13, 4)         16',
        ' flatten (Flatten)                        (None, 676)               0',
        ' dropout (Dropout)                        (None, 676)               0',
        ' dense (Dense)                            (None, 10)                6,770',
        '='.repeat(78),
        'Total params: 6,826 (26.66 KB)',
        'Trainable params: 6,818 (26.63 KB)',
        'Non-trainable params: 8 (32.00 B)',
        '_'.repeat(78),
      ].join('\n'),
    );
    expect(() => sequential([new Dense({ units: 1 })]).summary()).toThrow(/not built yet/);
  });

  it('builds from shapes without data, lazily on first call, or fails saying what shape it needs', () => {
    const model = sequential([new Reshape({ targetShape: [2, 3] }), new Dense({ units: 4 }), new Flatten()]);
    expect(model.built).toBe(false);
    expect(() => model.init(rt)).toThrow(/no input shape to build for/);
    const y = model.call(rt.tensor([[1, 2, 3, 4, 5, 6]]));
    expect(y.shape).toEqual([1, 8]);
    expect(model.builtInputShape).toEqual([null, 6]);
    expect(model.computeOutputShape([null, 6])).toEqual([null, 8]);
    expect(() => model.add(new Dense({ units: 1 }))).toThrow(/add layers before building/);
  });

  it('call and apply agree; apply on the trainable tree alone uses the model state for the rest', () => {
    const model = sequential([
      new Dense({ units: 3, activation: 'relu' }),
      new BatchNormalization(),
      new Dense({ units: 2 }),
    ]).init(rt, [null, 4]);
    const x = rt.tensor([
      [1, -2, 3, 0.5],
      [0, 1, -1, 2],
    ]);
    const a = model.call(x).dataSync();
    expect(Array.from(model.apply(model.params(), x).dataSync())).toEqual(Array.from(a));
    expect(Array.from(model.apply(model.trainableParams(), x).dataSync())).toEqual(Array.from(a));
  });

  it('apply checks the parameter tree: unknown paths and wrong shapes are named', () => {
    const model = sequential([new Dense({ units: 3 }), new Dense({ units: 2 })]).init(rt, [null, 4]);
    const x = rt.tensor([[1, 2, 3, 4]]);
    expect(() => model.apply({ dens: {} }, x)).toThrow(
      /unknown parameter "dens": no layer of that name \(layers: dense, dense_1\)/,
    );
    expect(() => model.apply({ dense_1: { kernal: rt.tensor([1]) } }, x)).toThrow(
      /unknown parameter "dense_1\/kernal" \(the layer has kernel, bias\)/,
    );
    const err = (() => {
      try {
        model.apply({ dense: { kernel: rt.tensor([[1, 2]]) } }, x);
      } catch (e) {
        return e as LayerError;
      }
    })();
    expect(err).toBeInstanceOf(LayerError);
    expect(err!.message).toBe(
      'Dense "dense": parameter "dense/kernel" is float32 [1,2], expected float32 [4,3]',
    );
  });
});

describe('training through model.apply', () => {
  it('valueAndGrad over trainableParams gives gradients keyed by the same paths; assign applies an update', () => {
    const model = sequential([new Dense({ units: 4, activation: 'tanh' }), new Dense({ units: 1 })]).init(
      rt,
      [null, 2],
    );
    const x = rt.tensor([
      [0.5, -1],
      [1, 2],
      [-0.3, 0.7],
    ]);
    const y = rt.tensor([[1], [0], [0.5]]);
    const loss = meanSquaredError();
    const lossOf = (p: LayerParams) => loss(y, model.apply(p, x, { training: true }));
    const before = model.call(x).dataSync()[0];
    let last = Number.POSITIVE_INFINITY;
    for (let step = 0; step < 20; step++) {
      const params = model.trainableParams();
      const { value, grads } = valueAndGrad(lossOf)(params);
      expect(paths(grads)).toEqual(paths(params));
      last = value.dataSync()[0]!;
      const next = rt.tidy(() =>
        Object.fromEntries(
          Object.entries(params).map(([layer, ws]) => [
            layer,
            Object.fromEntries(
              Object.entries(ws as Record<string, Tensor>).map(([n, w]) => [
                n,
                sub(w, mul((grads[layer] as Record<string, Tensor>)[n]!, 0.3)),
              ]),
            ),
          ]),
        ),
      );
      model.assign(next);
      rt.dispose([value, grads as never, next as never]);
    }
    expect(last).toBeLessThan(0.05);
    expect(model.call(x).dataSync()[0]).not.toBe(before);
  });

  it('BatchNormalization updates its moving statistics in training, off the tape, as configured', () => {
    const bn = new BatchNormalization({ momentum: 0.5 });
    const model = sequential([bn]).init(rt, [null, 2]);
    const x = rt.tensor([
      [1, 10],
      [3, 30],
    ]); // batch mean [2, 20], population variance [1, 100]
    const { grads } = valueAndGrad((p: LayerParams) => sum(square(model.apply(p, x, { training: true }))))(
      model.trainableParams(),
    );
    expect(paths(grads)).toEqual(['batch_normalization/gamma [2]', 'batch_normalization/beta [2]']);
    const state = model.nonTrainableParams().batch_normalization as Record<string, Tensor>;
    expect(Array.from(state.moving_mean!.dataSync())).toEqual([1, 10]); // 0·0.5 + mean·0.5
    expect(Array.from(state.moving_variance!.dataSync())).toEqual([1, 50.5]); // 1·0.5 + var·0.5
    // updateState: false leaves them; a function receives them with their paths.
    model.apply(model.params(), x, { training: true, updateState: false });
    expect(
      Array.from((model.params().batch_normalization as Record<string, Tensor>).moving_mean!.dataSync()),
    ).toEqual([1, 10]);
    const seen: string[] = [];
    model.apply(model.params(), x, {
      training: true,
      updateState: (path, value) => {
        seen.push(`${path} ${Array.from(value.dataSync())}`);
        value.dispose();
      },
    });
    expect(seen).toEqual([
      'batch_normalization/moving_mean 1.5,15',
      'batch_normalization/moving_variance 1,75.25',
    ]);
    // Inference uses the moving statistics: (x - 1) / sqrt(1 + 1e-3) for the first feature.
    expect(model.call(rt.tensor([[2, 10]])).dataSync()[0]).toBeCloseTo(1 / Math.sqrt(1.001), 6);
  });

  it('a frozen BatchNormalization (or one in a frozen model) runs in inference mode even in training, as Keras', () => {
    const bn = new BatchNormalization();
    const inner = sequential([bn], { name: 'inner' });
    const model = sequential([inner]).init(rt, [null, 2]);
    const x = rt.tensor([
      [1, 10],
      [3, 30],
    ]);
    const state = () =>
      Array.from(
        (
          (model.params().inner as LayerParams).batch_normalization as Record<string, Tensor>
        ).moving_mean!.dataSync(),
      );
    inner.trainable = false;
    const frozen = model.call(x, { training: true }).dataSync();
    expect(state()).toEqual([0, 0]);
    expect(Array.from(frozen)).toEqual(Array.from(model.call(x).dataSync()));
    inner.trainable = true;
    model.call(x, { training: true });
    expect(state()[1]).toBeCloseTo(0.2, 6);
  });

  it('Dropout is off at inference, draws from the seeded runtime RNG in training, and scales by 1/(1 - rate)', () => {
    const drop = new Dropout({ rate: 0.5 });
    const x = rt.tensor(new Float32Array(1000).fill(1), [10, 100]);
    expect(drop.call(x)).toBe(x);
    rt.seed(5);
    const a = drop.call(x, { training: true }).dataSync();
    rt.seed(5);
    const b = drop.call(x, { training: true }).dataSync();
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(new Set(a)).toEqual(new Set([0, 2]));
    const kept = a.filter((v) => v === 2).length;
    expect(kept).toBeGreaterThan(430);
    expect(kept).toBeLessThan(570);
    const channels = new Dropout({ rate: 0.5, noiseShape: [null, 1, 1, null] });
    const img = channels
      .call(rt.tensor(new Float32Array(2 * 3 * 3 * 4).fill(1), [2, 3, 3, 4]), { training: true })
      .arraySync() as number[][][][];
    for (const sample of img)
      for (let c = 0; c < 4; c++)
        expect(new Set(sample.flat().map((px) => (px as unknown as number[])[c])).size).toBe(1);
    expect(() => new Dropout({ rate: 1 })).toThrow(/rate must be in \[0, 1\)/);
  });

  it('the training flag reaches layers inside models, and can be overridden per call', () => {
    const drop = new Dropout({ rate: 0.9 });
    const model = createModel({
      layers: [drop],
      forward: (x, { training }) => add(drop.call(x), drop.call(x, { training: !training })),
    });
    const x = rt.tensor(new Float32Array(50).fill(1), [5, 10]);
    const inference = model.call(x).dataSync();
    // One of the two calls drops, the other does not, in either mode.
    expect(inference.some((v) => v === 1)).toBe(true);
    expect(inference.every((v) => v === 1 || Math.abs(v - 11) < 1e-4)).toBe(true);
  });

  it('regularization losses and constraints', () => {
    const l2: Regularizer = {
      className: 'l2',
      getConfig: () => ({ l2: 0.5 }),
      penalty: (w) => mul(sum(square(w)), 0.5),
    };
    const nonNeg: Constraint = { className: 'nonNeg', apply: (w) => relu(w) };
    const layer = new Dense({
      units: 2,
      kernelInitializer: new Constant({ value: -1 }),
      biasInitializer: new Constant({ value: 2 }),
      kernelRegularizer: l2,
      biasConstraint: nonNeg,
      kernelConstraint: nonNeg,
    });
    const model = sequential([layer]).init(rt, [null, 3]);
    expect(model.regularizationLoss().dataSync()[0]).toBe(3); // 0.5 · 6 · 1
    // Differentiable through given parameters.
    const { grads } = valueAndGrad((p: LayerParams) => model.regularizationLoss(p))(model.trainableParams());
    expect(Array.from((grads.dense as Record<string, Tensor>).kernel!.dataSync())).toEqual([
      -1, -1, -1, -1, -1, -1,
    ]);
    model.applyConstraints();
    expect(Array.from((model.params().dense as Record<string, Tensor>).kernel!.dataSync())).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect(Array.from((model.params().dense as Record<string, Tensor>).bias!.dataSync())).toEqual([2, 2]);
  });
});

describe('createModel: layers composed as plain functions', () => {
  it('builds by a dry run, keys parameters by layer name, and differentiates through shared layers', () => {
    const hidden = new Dense({ units: 3, activation: 'relu' });
    const out = new Dense({ units: 2 });
    const skip = new Dense({ units: 2, useBias: false });
    const model = createModel({
      name: 'residual',
      layers: [hidden, out, skip],
      forward: (x) => add(out.call(hidden.call(x)), skip.call(x)),
    });
    model.init(rt, [null, 4]);
    expect(Object.keys(model.params())).toEqual(['dense', 'dense_1', 'dense_2']);
    const text = model.summary({ print: () => {} });
    expect(text).toContain(' dense_1 (Dense)');
    expect(text).toContain('(None, 2)');
    const x = rt.tensor([[1, 2, 3, 4]]);
    const { grads } = valueAndGrad((p: LayerParams) => sum(model.apply(p, x)))(model.trainableParams());
    expect(paths(grads)).toEqual(paths(model.trainableParams()));
    // d/dskip = x for each of the 2 outputs.
    expect(Array.from((grads.dense_2 as Record<string, Tensor>).kernel!.dataSync())).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  it('refuses layers it does not list, and listed layers it never calls', () => {
    const listed = new Dense({ units: 2 });
    const stray = new Dense({ units: 2, name: 'stray' });
    const model = createModel({ layers: [listed], forward: (x) => stray.call(listed.call(x)) });
    expect(() => model.init(rt, [null, 2])).toThrow(
      /Dense "stray": is called inside model "composed_model", which does not list it/,
    );
    const unused = createModel({
      layers: [new Dense({ units: 1 }), new Dense({ units: 1, name: 'idle' })],
      forward: (x) => x,
    });
    expect(() => unused.init(rt, [null, 2])).toThrow(/never calls: dense, idle/);
  });

  it('nests models: a Sequential inside a composed model gets nested paths', () => {
    const block = sequential([new Dense({ units: 3 }), new Dense({ units: 3 })], { name: 'block' });
    const head = new Dense({ units: 1 });
    const model = createModel({ layers: [block, head], forward: (x) => head.call(block.call(x)) }).init(rt, [
      null,
      2,
    ]);
    expect(paths(model.trainableParams())).toEqual([
      'block/dense/kernel [2,3]',
      'block/dense/bias [3]',
      'block/dense_1/kernel [3,3]',
      'block/dense_1/bias [3]',
      'dense/kernel [3,1]',
      'dense/bias [1]',
    ]);
    const x = rt.tensor([[1, 2]]);
    const { grads } = valueAndGrad((p: LayerParams) => sum(model.apply(p, x)))(model.trainableParams());
    expect(paths(grads)).toEqual(paths(model.trainableParams()));
    expect(() => model.apply({ block: { dense_9: {} } }, x)).toThrow(/unknown parameter "block\/dense_9"/);
  });

  it('builds on int32 zeros for token models', () => {
    const emb = new Embedding({ inputDim: 10, outputDim: 4 });
    const pool = new Dense({ units: 2 });
    const model = createModel({
      layers: [emb, pool],
      forward: (x) => pool.call(emb.call(x)),
      inputDtype: 'int32',
    });
    model.init(rt, [null, 5]);
    expect(model.call(rt.tensor(new Int32Array([1, 2, 3, 4, 5]), [1, 5])).shape).toEqual([1, 5, 2]);
  });
});

describe('custom layers', () => {
  class Scale extends Layer<{ scale: Tensor }> {
    readonly className = 'Scale';
    protected override build(inputShape: SymbolicShape) {
      this.addWeight('scale', [inputShape[inputShape.length - 1]!], {
        initializer: new Constant({ value: 2 }),
      });
    }
    protected forward(x: Tensor, w: { scale: Tensor }) {
      return mul(x, w.scale);
    }
  }

  it('extend Layer like the built-ins: build, weights, dry-run output shapes, gradients', () => {
    const model = sequential([
      new Scale(),
      new GlobalAveragePooling2D(),
      new Activation({ activation: 'linear' }),
    ]).init(rt, [null, 2, 2, 3]);
    expect(model.layers.map((l) => l.name)).toEqual(['scale', 'global_average_pooling2d', 'activation']);
    expect(model.summary({ print: () => {} })).toMatch(/ scale \(Scale\) +\(None, 2, 2, 3\) +3\n/);
    const x = rt.tensor(new Float32Array(12).fill(1), [1, 2, 2, 3]);
    expect(Array.from(model.call(x).dataSync())).toEqual([2, 2, 2]);
  });

  it('addWeight outside build is refused', () => {
    class Bad extends Layer {
      readonly className = 'Bad';
      protected forward(x: Tensor) {
        this.addWeight('late', [1]);
        return x;
      }
    }
    expect(() => new Bad().call(rt.tensor([[1]]))).toThrow(/weights are added in build/);
  });
});

describe('memory', () => {
  it('calling, applying and training release every intermediate', () => {
    const model = sequential([
      new Conv2D({ filters: 2, kernelSize: 3, padding: 'same' }),
      new BatchNormalization(),
      new Flatten(),
      new Dropout({ rate: 0.3 }),
      new Dense({ units: 2 }),
    ]).init(rt, [null, 4, 4, 1]);
    const x = rt.keep(rt.tensor(new Float32Array(32).fill(0.5), [2, 4, 4, 1]));
    const before = rt.memory().numTensors;
    model.call(x).dispose();
    model.call(x, { training: true }).dispose();
    const { value, grads } = valueAndGrad((p: LayerParams) => sum(model.apply(p, x, { training: true })))(
      model.trainableParams(),
    );
    rt.dispose([value, grads as never]);
    expect(rt.memory().numTensors).toBe(before);
    model.dispose();
    expect(rt.memory().numTensors).toBe(before - 8);
  });
});

describe('Model subclasses', () => {
  it('track their layers in the constructor and compose them in body', () => {
    class Residual extends Model {
      readonly className = 'Residual';
      private readonly inner = new Dense({ units: 2, kernelInitializer: new Constant({ value: 1 }) });
      constructor() {
        super();
        this.track(this.inner);
      }
      protected body(x: Tensor) {
        return add(x, this.inner.call(x));
      }
    }
    const model = new Residual().init(rt, [null, 2]);
    expect(paths(model.params())).toEqual(['dense/kernel [2,2]', 'dense/bias [2]']);
    expect(Array.from(model.call(rt.tensor([[1, 2]])).dataSync())).toEqual([4, 5]);
  });
});
