import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromArrays, hostTensor } from '@descent/data';
import { Conv2D, Dense, Dropout, Flatten, sequential, sparseCategoricalCrossentropy } from '@descent/layers';
import { describe, expect, it } from 'vitest';
import type { BatchInfo, Callback } from './callback';
import { earlyStopping } from './callbacks/early-stopping';
import { modelCheckpoint } from './callbacks/model-checkpoint';
import { CheckpointError } from './errors';
import { evaluate } from './evaluate';
import { type FitOptions, fit } from './fit';
import { checkpointInfo, loadCheckpoint } from './load-checkpoint';
import { blobData, blobs, mlp, runtime, weightsOf } from './test-utils/setup';

const loss = sparseCategoricalCrossentropy({ fromLogits: true });
const tmp = () => mkdtempSync(join(tmpdir(), 'descent-ckpt-'));

/** Bit patterns of every weight: equality here is bit-for-bit. */
function bits(model: Parameters<typeof weightsOf>[0]) {
  return Object.fromEntries(
    Object.entries(weightsOf(model)).map(([k, v]) => [
      k,
      Array.from(new Uint32Array(Float32Array.from(v).buffer)),
    ]),
  );
}

/** Aborts training at a given global step (after its batch) or epoch end. */
function interrupter(controller: AbortController, at: { step?: number; epoch?: number }): Callback {
  return {
    name: 'interrupter',
    onBatchEnd(info: BatchInfo) {
      if (info.step + 1 === at.step) controller.abort('interrupted');
    },
    onEpochEnd(epoch: number) {
      if (epoch + 1 === at.epoch) controller.abort('interrupted');
    },
  };
}

describe('resume', () => {
  // Dropout, per-epoch shuffling and Adam: every source of state a resume must restore.
  const options = (extra: Partial<FitOptions>): FitOptions => ({
    loss,
    optimizer: { name: 'adam', options: { learningRate: 0.01 } },
    metrics: ['accuracy'],
    epochs: 4,
    batchSize: 16,
    seed: 3,
    validation: blobData(48, 9),
    log: () => {},
    ...extra,
  });
  const uninterrupted = async () => {
    const model = mlp(runtime(1), { dropout: 0.3 });
    const h = await fit(model, blobData(), options({}));
    return { model, h };
  };

  for (const [what, at] of [
    ['at an epoch boundary', { epoch: 2 }],
    ['in the middle of an epoch', { step: 19 }],
  ] as const) {
    it(`a run interrupted ${what} and resumed ends with bit-identical weights`, async () => {
      const reference = await uninterrupted();
      const dir = tmp();
      const controller = new AbortController();
      const first = mlp(runtime(1), { dropout: 0.3 });
      const h1 = await fit(first, blobData(), {
        ...options({}),
        signal: controller.signal,
        callbacks: [modelCheckpoint({ dir }), interrupter(controller, at)],
      });
      expect(h1.stopReason).toBe('stopped by the signal (interrupted)');
      expect(bits(first)).not.toEqual(bits(reference.model));
      // A fresh process: another runtime, other initial weights, the same architecture.
      const second = mlp(runtime(99), { dropout: 0.3 });
      const h2 = await fit(second, blobData(), {
        ...options({}),
        resume: dir,
        callbacks: [modelCheckpoint({ dir })],
      });
      expect(bits(second)).toEqual(bits(reference.model));
      expect(h2.history.val_loss).toEqual(reference.h.history.val_loss);
      expect(h2.history.loss).toEqual(reference.h.history.loss);
      expect(h2.epoch).toEqual([0, 1, 2, 3]);
    });
  }

  it('a CNN trained with augmentation resumes bit-identically too', async () => {
    const { augment, compose, randomTranslation, randomHorizontalFlip } = await import('@descent/augment');
    const make = (seed: number) => {
      const rt = runtime(seed);
      rt.use(augment());
      return sequential([
        new Conv2D({ filters: 3, kernelSize: 3, inputShape: [6, 6, 1], activation: 'relu' }),
        new Flatten(),
        new Dropout({ rate: 0.2 }),
        new Dense({ units: 2 }),
      ]).init(rt);
    };
    const n = 24;
    const data = fromArrays({
      x: hostTensor(
        Float32Array.from({ length: n * 36 }, (_, i) => ((i * 7) % 11) / 11),
        [n, 6, 6, 1],
      ),
      y: hostTensor(
        Int32Array.from({ length: n }, (_, i) => i % 2),
        [n],
        'int32',
      ),
    });
    const pipeline = compose([
      randomHorizontalFlip(),
      { transform: randomTranslation({ heightFactor: 0.2, widthFactor: 0.2 }), p: 0.5 },
    ]);
    const opts: FitOptions = { loss, epochs: 3, batchSize: 8, seed: 5, augment: pipeline, log: () => {} };
    const reference = make(1);
    await fit(reference, data, opts);
    const dir = tmp();
    const controller = new AbortController();
    await fit(make(1), data, {
      ...opts,
      signal: controller.signal,
      callbacks: [modelCheckpoint({ dir, saveFreq: 2 }), interrupter(controller, { step: 5 })],
    });
    const resumed = make(42);
    await fit(resumed, data, { ...opts, resume: dir });
    expect(bits(resumed)).toEqual(bits(reference));
  });

  it('restores callback state: early stopping stops where the uninterrupted run stops', async () => {
    const run = async (resumeFrom?: string, stopAt?: number) => {
      const dir = resumeFrom ?? tmp();
      const controller = new AbortController();
      const stopper = earlyStopping({ monitor: 'val_loss', patience: 1, restoreBestWeights: true });
      const model = mlp(runtime(resumeFrom ? 7 : 1));
      const h = await fit(model, blobData(), {
        ...options({ epochs: 12 }),
        validation: fromArrays({
          x: blobs(48, 9).x,
          // Labels shifted by one class: the validation loss rises once the model learns.
          y: hostTensor(
            Int32Array.from({ length: 48 }, (_, i) => (i + 1) % 3),
            [48],
            'int32',
          ),
        }),
        ...(resumeFrom ? { resume: resumeFrom } : {}),
        signal: controller.signal,
        callbacks: [
          modelCheckpoint({ dir }),
          stopper,
          ...(stopAt ? [interrupter(controller, { epoch: stopAt })] : []),
        ],
      });
      return { h, model, dir, stopper };
    };
    const reference = await run();
    expect(reference.stopper.stoppedEpoch).toBeDefined();
    const partial = await run(undefined, 1);
    const resumed = await run(partial.dir);
    expect(resumed.h.epoch).toEqual(reference.h.epoch);
    expect(resumed.stopper.stoppedEpoch).toBe(reference.stopper.stoppedEpoch);
    expect(bits(resumed.model)).toEqual(bits(reference.model));
  });
});

describe('checkpoints', () => {
  it('keep the best and the last, atomically, and load the best model', async () => {
    const dir = tmp();
    await fit(mlp(runtime()), blobData(), {
      loss,
      optimizer: { name: 'adam', options: { learningRate: 0.02 } },
      metrics: ['accuracy'],
      epochs: 3,
      validation: blobData(48, 9),
      callbacks: [modelCheckpoint({ dir, monitor: 'val_accuracy' })],
      log: () => {},
    });
    const info = await checkpointInfo(dir);
    expect(info?.last).toMatchObject({ epoch: 3, step: 18 });
    expect(info?.best?.monitor).toBe('val_accuracy');
    const folders = readdirSync(dir).filter((d) => d.startsWith('ckpt-'));
    expect(new Set(folders)).toEqual(new Set([info!.last!.dir, info!.best!.dir]));
    expect(readdirSync(dir).some((d) => d.endsWith('.tmp'))).toBe(false);
    expect(readdirSync(join(dir, info!.last!.dir)).sort()).toEqual([
      'model.json',
      'model.safetensors',
      'optimizer.bin',
      'optimizer.json',
      'trainer.json',
    ]);
    const trainer = JSON.parse(readFileSync(join(dir, info!.last!.dir, 'trainer.json'), 'utf8'));
    expect(trainer.rng.key).toHaveLength(2);
    expect(trainer.optimizer).toMatchObject({ name: 'adam', plugin: '@descent/optimizers' });
    const rt = runtime(5);
    const { model, epoch } = await loadCheckpoint(rt, dir);
    expect(epoch).toBe(info!.best!.epoch);
    const { accuracy } = await evaluate(model, blobData(48, 9), { metrics: ['accuracy'] });
    expect(accuracy).toBeCloseTo(info!.best!.value!, 6);
    expect(await checkpointInfo(tmp())).toBeUndefined();
  });

  it('a corrupt or missing checkpoint is a CheckpointError naming the file', async () => {
    const dir = tmp();
    await fit(mlp(runtime()), blobData(), {
      loss,
      epochs: 1,
      callbacks: [modelCheckpoint({ dir })],
      log: () => {},
    });
    const last = (await checkpointInfo(dir))!.last!.dir;
    const bin = join(dir, last, 'optimizer.bin');
    writeFileSync(bin, readFileSync(bin).subarray(0, 10));
    const err = await fit(mlp(runtime()), blobData(), { loss, epochs: 2, resume: dir, log: () => {} }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as Error).message).toMatch(/optimizer state: deserializeState: payload has 10 bytes/);
    expect((err as Error).message).toContain(join(dir, last));
    writeFileSync(join(dir, 'checkpoint.json'), '{ not json');
    await expect(fit(mlp(runtime()), blobData(), { loss, resume: dir, log: () => {} })).rejects.toThrow(
      `${join(dir, 'checkpoint.json')}: is not valid JSON`,
    );
    const empty = tmp();
    await expect(fit(mlp(runtime()), blobData(), { loss, resume: empty, log: () => {} })).rejects.toThrow(
      /holds no checkpoint \(checkpoint\.json is missing\)/,
    );
    expect(existsSync(join(empty, 'checkpoint.json'))).toBe(false);
  });

  it('refuses to resume with another optimizer or into another model', async () => {
    const dir = tmp();
    await fit(mlp(runtime()), blobData(), {
      loss,
      epochs: 1,
      callbacks: [modelCheckpoint({ dir })],
      log: () => {},
    });
    await expect(
      fit(mlp(runtime()), blobData(), { loss, optimizer: 'sgd', epochs: 2, resume: dir, log: () => {} }),
    ).rejects.toThrow(/was written with the optimizer "adam", but fit was given "sgd"/);
    const other = sequential([new Dense({ units: 8, inputShape: [4] }), new Dense({ units: 3 })]).init(
      runtime(),
    );
    await expect(fit(other, blobData(), { loss, epochs: 2, resume: dir, log: () => {} })).rejects.toThrow(
      /the model expects \[4,8\]/,
    );
  });
});
