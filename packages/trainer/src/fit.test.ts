import { InvalidArgumentError, ShapeError, type Tensor, UnknownPluginError } from '@descent/core';
import { EmptyDatasetError, fromArrays, fromGenerator, hostTensor } from '@descent/data';
import { adaBeliefPlugin } from '@descent/example-optimizer-plugin/src/adabelief-plugin.ts';
import { type Layer, sparseCategoricalCrossentropy } from '@descent/layers';
import { sgd } from '@descent/optimizers';
import { describe, expect, it } from 'vitest';
import type { BatchInfo, Callback, Logs } from './callback';
import { LabelRangeError } from './errors';
import { evaluate } from './evaluate';
import { fit } from './fit';
import { predict } from './predict';
import { blobData, blobs, mlp, quiet, runtime } from './test-utils/setup';

const loss = sparseCategoricalCrossentropy({ fromLogits: true });

describe('fit', () => {
  it('trains a small MLP: the loss falls, accuracy rises, nothing leaks', async () => {
    const rt = runtime();
    const model = mlp(rt);
    const before = rt.memory().numTensors;
    const history = await fit(model, blobData(), {
      loss,
      optimizer: { name: 'adam', options: { learningRate: 0.02 } },
      metrics: ['accuracy'],
      epochs: 8,
      batchSize: 32,
      validation: blobData(96, 11),
      log: quiet,
    });
    expect(history.epoch).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const h = history.history;
    expect(Object.keys(h).sort()).toEqual(['accuracy', 'loss', 'lr', 'val_accuracy', 'val_loss']);
    expect(h.loss!.at(-1)!).toBeLessThan(h.loss![0]! / 3);
    expect(h.val_accuracy!.at(-1)!).toBeGreaterThan(0.9);
    expect(h.lr).toEqual(new Array(8).fill(0.02));
    expect(rt.memory().numTensors).toBe(before);
  });

  it('takes arrays { x, y } and a validation fraction; evaluate and predict agree with it', async () => {
    const rt = runtime();
    const model = mlp(rt);
    const history = await fit(model, blobs(), {
      loss: 'sparseCategoricalCrossentropy',
      optimizer: { name: 'sgd', options: { learningRate: 0.1 } },
      metrics: ['sparseCategoricalAccuracy'],
      epochs: 3,
      validation: 0.25,
      log: quiet,
    });
    // The loss by name defaults to probabilities: only check it reports and trains.
    expect(history.history.val_loss).toHaveLength(3);
    const test = blobData(60, 3);
    const logs = await evaluate(model, test, { loss, metrics: ['accuracy'], batchSize: 7 });
    expect(Object.keys(logs)).toEqual(['loss', 'accuracy']);
    const logits = await predict(model, test, { batchSize: 7 });
    expect(logits.shape).toEqual([60, 3]);
    const x = rt.tensor(blobs(60, 3).x.data, [60, 4]);
    const direct = model.call(x).dataSync();
    expect(Array.from(logits.dataSync())).toEqual(Array.from(direct));
    logits.dispose();
    x.dispose();
  });

  it('takes a custom optimizer plugin by name (AdaBelief from examples/optimizer-plugin), and a transform object', async () => {
    const rt = runtime();
    rt.use(adaBeliefPlugin());
    const model = mlp(rt);
    const h = await fit(model, blobData(), {
      loss,
      optimizer: { name: 'adabelief', options: { learningRate: 0.02 } },
      epochs: 4,
      log: quiet,
    });
    expect(h.history.loss!.at(-1)!).toBeLessThan(h.history.loss![0]!);
    expect(h.history.lr).toEqual([0.02, 0.02, 0.02, 0.02]);
    const h2 = await fit(mlp(runtime()), blobData(), {
      loss,
      optimizer: sgd({ learningRate: 0.05 }),
      epochs: 2,
      log: quiet,
    });
    expect(h2.history.loss).toHaveLength(2);
    await expect(
      fit(mlp(runtime()), blobData(), { loss, optimizer: 'adabelief', log: quiet }),
    ).rejects.toThrow(UnknownPluginError);
  });

  it('reads the loss back only every N steps, and yields to the event loop between steps', async () => {
    const rt = runtime();
    const reads: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 0);
    const spy: Callback = {
      name: 'spy',
      onBatchEnd(info: BatchInfo, logs: Logs) {
        if (info.readLoss) {
          expect(logs.loss).toBeTypeOf('number');
          reads.push(info.step + 1);
        } else expect(logs).toEqual({});
      },
    };
    await fit(mlp(rt), blobData(), {
      loss,
      epochs: 2,
      batchSize: 16,
      readLossEvery: 5,
      callbacks: [spy],
      log: quiet,
    });
    clearInterval(timer);
    // 12 steps per epoch: reads at every 5th step and at each epoch's last.
    expect(reads).toEqual([5, 10, 12, 15, 20, 24]);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops on the signal after the current step', async () => {
    const controller = new AbortController();
    let steps = 0;
    const h = await fit(mlp(runtime()), blobData(), {
      loss,
      epochs: 5,
      signal: controller.signal,
      callbacks: [
        {
          name: 'abortAt3',
          onBatchEnd: () => {
            if (++steps === 3) controller.abort('enough');
          },
        },
      ],
      log: quiet,
    });
    expect(steps).toBe(3);
    expect(h.stopReason).toBe('stopped by the signal (enough)');
    expect(h.epoch).toEqual([]);
  });

  it("adds the model's regularization penalty to the loss and reports it", async () => {
    const rt = runtime();
    const model = mlp(rt);
    // Layers take regularizers by object (what @descent/regularizers provides): attach one by hand.
    const variable = model.variables()[0]!.variable as unknown as { regularizer?: unknown };
    const { mean, square } = await import('@descent/core');
    Object.defineProperty(variable, 'regularizer', {
      value: { className: 'meanSquare', penalty: (w: Tensor) => mean(square(w)) },
    });
    const h = await fit(model, blobData(), { loss, epochs: 2, log: quiet });
    const reg = h.history.regularization_loss!;
    expect(reg).toHaveLength(2);
    expect(reg[0]).toBeGreaterThan(0);
    expect(h.history.loss![0]).toBeGreaterThan(reg[0]!);
  });

  it('applies an augmentation pipeline to training batches only', async () => {
    const { augment, compose, randomHorizontalFlip } = await import('@descent/augment');
    const { Conv2D, Flatten, Dense, sequential } = await import('@descent/layers');
    const rt = runtime();
    rt.use(augment());
    const model = sequential([
      new Conv2D({ filters: 2, kernelSize: 3, inputShape: [6, 6, 1], activation: 'relu' }),
      new Flatten(),
      new Dense({ units: 2 }),
    ]).init(rt);
    const n = 16;
    const x = hostTensor(
      Float32Array.from({ length: n * 36 }, (_, i) => (i % 7) / 7),
      [n, 6, 6, 1],
    );
    const y = hostTensor(
      Int32Array.from({ length: n }, (_, i) => i % 2),
      [n],
      'int32',
    );
    let applied = 0;
    const flip = randomHorizontalFlip();
    const pipeline = compose([flip]);
    const counting = {
      usesLabels: false,
      apply(input: Tensor, o?: { training?: boolean }) {
        applied++;
        expect(o?.training).toBe(true);
        return pipeline.apply(input, o);
      },
    };
    await fit(
      model,
      { x, y },
      { loss, epochs: 2, batchSize: 8, augment: counting, validation: { x, y }, log: quiet },
    );
    expect(applied).toBe(4);
  });
});

describe('fit on bad input', () => {
  const run = (model: Layer, data: Parameters<typeof fit>[1]) =>
    fit(model, data, { loss, epochs: 1, batchSize: 4, shuffle: false, log: quiet });

  it('labels out of range: a LabelRangeError naming the batch, the example and the classes', async () => {
    const { x, y } = blobs(12);
    y.data[6] = 3;
    const err = await run(mlp(runtime()), { x, y }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabelRangeError);
    expect((err as Error).message).toBe(
      "fit: labels must be class ids in [0, 3) for the model's 3 outputs; batch 1 holds 3 at example 2 (label shape [4])",
    );
    y.data[6] = -1;
    await expect(run(mlp(runtime()), { x, y })).rejects.toThrow(/batch 1 holds -1 at example 2/);
  });

  it('a feature count that does not fit the model: a ShapeError with both shapes', async () => {
    const x = hostTensor(new Float32Array(12 * 5), [12, 5]);
    const y = hostTensor(new Int32Array(12), [12], 'int32');
    await expect(run(mlp(runtime()), { x, y })).rejects.toThrow(ShapeError);
    await expect(run(mlp(runtime()), { x, y })).rejects.toThrow(
      'fit: x has shape [4,5] per batch; model "sequential" takes inputs of shape [null,4] (5 features per example where it expects 4)',
    );
  });

  it('an empty dataset: an EmptyDatasetError', async () => {
    const empty = {
      x: hostTensor(new Float32Array(0), [0, 4]),
      y: hostTensor(new Int32Array(0), [0], 'int32'),
    };
    await expect(run(mlp(runtime()), empty)).rejects.toThrow(EmptyDatasetError);
    await expect(run(mlp(runtime()), empty)).rejects.toThrow('fit: the training data has no examples');
    const none = fromGenerator(function* () {}, { batched: true });
    await expect(run(mlp(runtime()), none)).rejects.toThrow(
      'fit: the training data yielded no batches in epoch 1',
    );
  });

  it('x and y of different lengths, missing labels, and bad options', async () => {
    const { x } = blobs(12);
    await expect(run(mlp(runtime()), { x, y: hostTensor(new Int32Array(8), [8], 'int32') })).rejects.toThrow(
      /columns must share their first axis/,
    );
    await expect(run(mlp(runtime()), fromArrays({ x }))).rejects.toThrow(
      'fit: the batches have no field y (labels)',
    );
    await expect(fit(mlp(runtime()), blobData(), { loss, epochs: -1 })).rejects.toThrow(InvalidArgumentError);
    await expect(fit(mlp(runtime()), blobData(), {} as never)).rejects.toThrow(/a loss is required/);
  });
});
