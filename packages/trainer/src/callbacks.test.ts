import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fromArrays, hostTensor } from '@descent/data';
import { sparseCategoricalCrossentropy } from '@descent/layers';
import { describe, expect, it } from 'vitest';
import type { Callback, Logs, TrainContext } from './callback';
import { csvLogger } from './callbacks/csv-logger';
import { earlyStopping } from './callbacks/early-stopping';
import { jsonLogger } from './callbacks/json-logger';
import { learningRateScheduler } from './callbacks/learning-rate-scheduler';
import { nanGuard } from './callbacks/nan-guard';
import { progressBar } from './callbacks/progress-bar';
import { reduceLROnPlateau } from './callbacks/reduce-lr-on-plateau';
import { fit } from './fit';
import { blobData, blobs, mlp, runtime, weightsOf } from './test-utils/setup';

const loss = sparseCategoricalCrossentropy({ fromLogits: true });

/** Records every epoch's weights (copies), to compare with what a callback restores. */
function weightRecorder(): Callback & { epochs: Record<string, number[]>[] } {
  const epochs: Record<string, number[]>[] = [];
  return {
    name: 'recorder',
    epochs,
    onEpochEnd(_e: number, _l: Logs, ctx: TrainContext) {
      epochs.push(weightsOf(ctx.model));
    },
  };
}

describe('earlyStopping', () => {
  it('fires when val_loss stops improving and restores the best weights', async () => {
    const rt = runtime();
    const model = mlp(rt);
    // Validation labels are the training ones shifted by one class: as the model learns the
    // real mapping, the validation loss rises after the first epochs.
    const { x, y } = blobs(96, 11);
    const wrong = hostTensor(y.data.map((c) => (c + 1) % 3) as Int32Array, [96], 'int32');
    const stopper = earlyStopping({ monitor: 'val_loss', patience: 2, restoreBestWeights: true });
    const recorder = weightRecorder();
    const lines: string[] = [];
    const h = await fit(model, blobData(), {
      loss,
      optimizer: { name: 'adam', options: { learningRate: 0.05 } },
      epochs: 30,
      validation: fromArrays({ x, y: wrong }),
      callbacks: [recorder, stopper],
      log: (l) => lines.push(l),
    });
    expect(stopper.stoppedEpoch).toBeDefined();
    expect(h.epoch.length).toBeLessThan(30);
    const val = h.history.val_loss!;
    const best = val.indexOf(Math.min(...val));
    expect(stopper.bestEpoch).toBe(best);
    expect(stopper.stoppedEpoch).toBe(best + 2);
    expect(h.stopReason).toMatch(/^early stopping after epoch \d+: val_loss has not improved for 2 epochs/);
    expect(lines.some((l) => l.includes('restored the weights of that epoch'))).toBe(true);
    expect(weightsOf(model)).toEqual(recorder.epochs[best]);
  });
});

describe('reduceLROnPlateau', () => {
  it('lowers the learning rate through the optimizer state when the loss plateaus', async () => {
    const lines: string[] = [];
    const h = await fit(mlp(runtime()), blobData(), {
      loss,
      optimizer: { name: 'sgd', options: { learningRate: 1e-6 } },
      epochs: 6,
      shuffle: false,
      callbacks: [reduceLROnPlateau({ monitor: 'loss', patience: 1, factor: 0.5, threshold: 1e-3 })],
      log: (l) => lines.push(l),
    });
    // A learning rate of 1e-6 leaves the loss flat (to 1e-3): once patience + 1 epochs bring no
    // improvement, the rate halves (PyTorch's ReduceLROnPlateau counting).
    expect(h.history.lr).toEqual([1e-6, 1e-6, 1e-6, 5e-7, 5e-7, 2.5e-7]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^reduceLROnPlateau after epoch 3: loss 0\.\d+ has not improved on 0\.\d+; learning rate 1\.000e-6 → 5\.000e-7$/,
    );
  });

  it('learningRateScheduler sets the rate each epoch', async () => {
    const h = await fit(mlp(runtime()), blobData(), {
      loss,
      optimizer: { name: 'adam', options: { learningRate: 0.01 } },
      epochs: 3,
      callbacks: [learningRateScheduler((epoch, lr) => (epoch === 0 ? lr : lr / 10))],
      log: () => {},
    });
    expect(h.history.lr!.map((v) => Number(v.toPrecision(6)))).toEqual([0.01, 0.001, 0.0001]);
  });
});

describe('nanGuard', () => {
  it('stops at the step whose loss is NaN and restores the last good weights', async () => {
    const { x, y } = blobs(64);
    // Batch 6 (examples 48..55, step 7 of epoch 1 with batches of 8 and no shuffle) holds a NaN.
    x.data[50 * 4 + 2] = Number.NaN;
    const rt = runtime();
    const model = mlp(rt);
    const before: Record<string, number[]>[] = [];
    const recorder: Callback = {
      name: 'recorder',
      onBatchBegin: (_i, ctx) => {
        before.push(weightsOf(ctx.model));
      },
    };
    const guard = nanGuard();
    const lines: string[] = [];
    const h = await fit(
      model,
      { x, y },
      {
        loss,
        epochs: 3,
        batchSize: 8,
        shuffle: false,
        readLossEvery: 1,
        callbacks: [recorder, guard],
        log: (l) => lines.push(l),
      },
    );
    expect(guard.firedAtStep).toBe(7);
    expect(h.stopReason).toBe(
      'NaN guard: the loss is NaN at step 7 (epoch 1, batch 7); restored the weights from before step 6, the last whose loss was finite',
    );
    expect(lines).toEqual([h.stopReason]);
    // The weights before step 6 were the last that gave a finite loss.
    expect(weightsOf(model)).toEqual(before[5]);
    expect(Object.values(weightsOf(model)).flat().every(Number.isFinite)).toBe(true);
    expect(h.epoch).toEqual([]);
  });
});

describe('loggers and the progress bar', () => {
  it('csvLogger and jsonLogger write one row per epoch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'descent-log-'));
    await fit(mlp(runtime()), blobData(), {
      loss,
      metrics: ['accuracy'],
      epochs: 2,
      callbacks: [csvLogger(join(dir, 'log.csv')), jsonLogger(join(dir, 'log.jsonl'), { batches: true })],
      log: () => {},
    });
    const csv = readFileSync(join(dir, 'log.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('epoch,loss,accuracy,lr');
    expect(csv).toHaveLength(3);
    expect(csv[2]!.startsWith('2,')).toBe(true);
    const events = readFileSync(join(dir, 'log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events[0].event).toBe('start');
    expect(events.filter((e) => e.event === 'epoch').map((e) => e.epoch)).toEqual([1, 2]);
    expect(events.filter((e) => e.event === 'batch').length).toBeGreaterThan(0);
    expect(events.at(-1).event).toBe('end');
  });

  it('progressBar prints plain lines when the stream is not a terminal', async () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let out = '';
    (stream as unknown as PassThrough).on('data', (d) => {
      out += String(d);
    });
    await fit(mlp(runtime()), blobData(), {
      loss,
      metrics: ['accuracy'],
      epochs: 2,
      validation: blobData(30, 2),
      callbacks: [progressBar({ stream, lineEverySeconds: 0 }), earlyStopping({ patience: 5 })],
      log: () => {},
    });
    const lines = out.trim().split('\n');
    expect(lines.some((l) => /^epoch 1\/2 step 3\/6 \(50%\) \| ETA \d+s \| /.test(l))).toBe(true);
    expect(
      lines.filter((l) =>
        /^epoch \d\/2 \| \d+\.\ds \| loss [\d.]+ \| accuracy [\d.]+ \| val_loss [\d.]+ \| val_accuracy [\d.]+ \| lr 1\.000e-3$/.test(
          l,
        ),
      ),
    ).toHaveLength(2);
  });

  it('progressBar draws a cli-progress bar on a terminal', async () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
    Object.assign(stream, {
      isTTY: true,
      columns: 120,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    let out = '';
    (stream as unknown as PassThrough).on('data', (d) => {
      out += String(d);
    });
    await fit(mlp(runtime()), blobData(), {
      loss,
      epochs: 1,
      callbacks: [progressBar({ stream })],
      log: () => {},
    });
    expect(out).toMatch(/epoch 1\/1 \[/);
    expect(out).toMatch(/epoch 1\/1 \| [\d.]+s \| loss /);
  });
});
