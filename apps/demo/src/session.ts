import type { Transform } from '@descent/augment';
import { valueAndGrad } from '@descent/autograd';
import {
  add,
  argmax,
  cast,
  concat,
  equal,
  gather,
  mean,
  type Runtime,
  softmax,
  stack,
  type Tensor,
} from '@descent/core';
import { type LayerParams, type Loss, type Sequential, sparseCategoricalCrossentropy } from '@descent/layers';
import {
  applyGradients,
  disposeState,
  type GradientTransform,
  getHyperparams,
  moveState,
  type OptState,
} from '@descent/optimizers';
import { buildAugmentation, buildModel, buildOptimizer } from './build';
import type { AugmentName, TrainConfig } from './config';
import { type DemoData, loadDataset, type Split } from './data/datasets';
import { yieldTask } from './pacer';

export interface StepResult {
  readonly step: number;
  readonly epoch: number;
  /** The batch's cross-entropy (without the regularization penalty). */
  readonly loss: number;
  readonly accuracy: number;
  readonly learningRate: number | undefined;
}

export interface EvalResult {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  /** `classes × classes` counts, row = true class, column = predicted. */
  readonly confusion: Int32Array;
}

interface DeviceSplit {
  x: Tensor;
  labels: Tensor;
  readonly count: number;
}

/** Validation examples per forward pass: small for images, so a CNN on the CPU never blocks the page long. */
const EVAL_CHUNK = { points: 1000, images: 100 } as const;

/** Regularizers that add a penalty to the loss (the others are a constraint or a layer). */
const PENALTIES = new Set(['l1', 'l2', 'l1l2']);

/**
 * One training run: a data set, a model, an optimizer and its state on one runtime. The loop
 * is the one `@descent/trainer` runs (valueAndGrad → applyGradients → model.assign, one `tidy`
 * per step, the loss read back once per step); it is written out here because the trainer is
 * not released yet. Every operation goes through `exclusive`, so a backend move never runs in
 * the middle of a step.
 */
export class Session {
  step = 0;
  epoch = 0;
  batchSize: number;
  private augmentation: Transform | undefined;
  private order: Int32Array;
  private cursor = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Steps whose metrics are on the device, in `metrics` (loss and accuracy of each, in order). */
  private pending: { step: number; epoch: number; learningRate: number | undefined }[] = [];
  private metrics: Tensor | undefined;
  private disposed = false;
  private readonly loss: Loss = sparseCategoricalCrossentropy({ fromLogits: true });
  private readonly lossSum: Loss = sparseCategoricalCrossentropy({ fromLogits: true, reduction: 'sum' });

  private constructor(
    readonly rt: Runtime,
    readonly config: TrainConfig,
    readonly data: DemoData,
    readonly model: Sequential,
    private readonly tx: GradientTransform,
    private state: OptState,
    private train: DeviceSplit,
    private validation: DeviceSplit,
  ) {
    this.batchSize = config.batchSize;
    this.augmentation = data.kind === 'images' ? buildAugmentation(config.augment) : undefined;
    this.order = rt.shuffle(train.count);
  }

  /** Seeds the runtime, makes the data (toy sets from the seed) and the model on the current default backend. */
  static async create(rt: Runtime, config: TrainConfig): Promise<Session> {
    rt.seed(config.seed);
    const data = await loadDataset(rt, config.dataset);
    const model = buildModel(rt, config, data);
    const tx = buildOptimizer(rt, config);
    const state = tx.init(model.trainableParams());
    return new Session(
      rt,
      config,
      data,
      model,
      tx,
      state,
      upload(rt, data, data.train),
      upload(rt, data, data.validation),
    );
  }

  /** Runs `fn` after every operation queued before it. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(() => {
      if (this.disposed) throw new Error('the session was reset');
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  setAugmentation(names: readonly AugmentName[]): void {
    if (this.data.kind === 'images') this.augmentation = buildAugmentation(names);
  }

  /** The name of the backend the model's weights live on. */
  get backendName(): string {
    return this.firstWeight().backendName;
  }

  private firstWeight(): Tensor {
    return this.model.variables()[0]!.variable.value;
  }

  /** Steps whose metrics are still on the device. */
  get pendingSteps(): number {
    return this.pending.length;
  }

  /**
   * One optimizer step on the next batch (a new seeded shuffle each epoch). The batch's loss
   * and accuracy stay on the device until `readMetrics`, so a GPU run can take several steps per
   * read-back.
   */
  trainStep(): Promise<void> {
    return this.exclusive(() => {
      const { rt, model, train } = this;
      const batch = Math.min(this.batchSize, train.count);
      if (this.cursor + batch > train.count) {
        this.order = rt.shuffle(train.count);
        this.cursor = 0;
        this.epoch++;
      }
      const ids = this.order.subarray(this.cursor, this.cursor + batch);
      this.cursor += batch;
      const stats = rt.tidy(() => {
        const index = rt.tensor(ids, [batch], 'int32');
        let x = gather(train.x, index);
        const y = gather(train.labels, index);
        if (this.augmentation) x = this.augmentation.apply(x);
        const params = model.trainableParams();
        // Handles the tape never sees, to report the data loss and accuracy after the step.
        let logits: Tensor | undefined;
        let dataLoss: Tensor | undefined;
        const { grads } = valueAndGrad((p: LayerParams) => {
          const out = model.apply(p, x, { training: true });
          const l = this.loss(y, out);
          logits = rt.retain(out);
          dataLoss = rt.retain(l);
          return PENALTIES.has(this.config.regularizer) ? add(l, model.regularizationLoss(p)) : l;
        })(params);
        const next = applyGradients(this.tx, params, grads, this.state);
        model.assign(next.params);
        model.applyConstraints();
        this.state = next.state;
        const result = stack([dataLoss!, accuracyOf(logits!, y)]);
        rt.dispose([logits!, dataLoss!]);
        // Appended one step at a time: a kernel of two inputs, whatever the number of steps
        // (WebGPU allows few buffers per kernel).
        return rt.keep(this.metrics ? concat([this.metrics, result]) : result);
      });
      this.metrics?.dispose();
      this.metrics = stats;
      this.step++;
      this.pending.push({
        step: this.step,
        epoch: this.epoch,
        learningRate: getHyperparams(this.state).learningRate,
      });
    });
  }

  /** The metrics of the steps taken since the last call, read back in one transfer. */
  readMetrics(): Promise<StepResult[]> {
    return this.exclusive(async () => {
      const { pending, metrics } = this;
      if (!metrics) return [];
      this.pending = [];
      this.metrics = undefined;
      const values = await metrics.data();
      metrics.dispose();
      return pending.map((p, i) => ({ ...p, loss: values[2 * i]!, accuracy: values[2 * i + 1]! }));
    });
  }

  /** Loss, accuracy and confusion matrix on the validation split (inference mode, in chunks). */
  evaluate(): Promise<EvalResult> {
    return this.exclusive(async () => {
      const { rt, model, validation } = this;
      const k = this.data.classes;
      const confusion = new Int32Array(k * k);
      let lossTotal = 0;
      let correct = 0;
      const truth = this.data.validation.labels;
      const chunk = EVAL_CHUNK[this.data.kind];
      for (let start = 0; start < validation.count; start += chunk) {
        const n = Math.min(chunk, validation.count - start);
        const [lossSum, predicted] = rt.tidy(() => {
          const index = rt.tensor(
            Int32Array.from({ length: n }, (_, i) => start + i),
            [n],
            'int32',
          );
          const logits = model.call(gather(validation.x, index), { training: false });
          return [this.lossSum(gather(validation.labels, index), logits), argmax(logits, -1)];
        });
        lossTotal += (await lossSum.data())[0]!;
        const pred = await predicted.data();
        rt.dispose([lossSum, predicted]);
        for (let i = 0; i < n; i++) {
          const t = truth[start + i]!;
          const p = pred[i]!;
          confusion[t * k + p]!++;
          if (t === p) correct++;
        }
        if (start + n < validation.count) await yieldTask();
      }
      return {
        step: this.step,
        loss: lossTotal / validation.count,
        accuracy: correct / validation.count,
        confusion,
      };
    });
  }

  /** Class probabilities for `count` inputs (row-major, the data set's feature shape). */
  predict(x: Float32Array, count: number): Promise<Float32Array> {
    return this.exclusive(async () => {
      const { rt } = this;
      const probs = rt.tidy(() =>
        softmax(this.model.call(rt.tensor(x, [count, ...this.data.featureShape]), { training: false })),
      );
      const values = (await probs.data()) as Float32Array;
      probs.dispose();
      return values;
    });
  }

  /**
   * Moves the run to another backend of the runtime and makes it the default: the model's
   * weights (`rt.moveTo` each), the optimizer state (`moveState`) and the data. Training goes
   * on from the same step with the same state.
   */
  moveTo(backendName: string): Promise<void> {
    return this.exclusive(async () => {
      const { rt } = this;
      rt.backend(backendName); // opens the device first: a failure leaves everything where it was
      for (const { path, variable } of this.model.variables()) {
        if (variable.value.backendName === backendName) continue;
        const moved = await rt.moveTo(variable.value, backendName);
        variable.assign(moved, path);
        moved.dispose();
      }
      if (this.metrics) {
        const moved = rt.keep(await rt.moveTo(this.metrics, backendName));
        this.metrics.dispose();
        this.metrics = moved;
      }
      const state = await moveState(this.state, backendName);
      disposeState(this.state);
      this.state = state;
      for (const split of [this.train, this.validation]) {
        const x = rt.keep(await rt.moveTo(split.x, backendName));
        const labels = rt.keep(await rt.moveTo(split.labels, backendName));
        rt.dispose([split.x, split.labels]);
        split.x = x;
        split.labels = labels;
      }
      rt.setBackend(backendName);
    });
  }

  /** Frees everything the run holds, once the queued operations are done. */
  async dispose(): Promise<void> {
    await this.exclusive(() => {
      this.model.dispose();
      disposeState(this.state);
      this.metrics?.dispose();
      this.rt.dispose([this.train.x, this.train.labels, this.validation.x, this.validation.labels]);
    }).catch(() => undefined);
    this.disposed = true;
  }
}

function accuracyOf(logits: Tensor, labels: Tensor): Tensor {
  return mean(cast(equal(argmax(logits, -1), labels), 'float32'));
}

function upload(rt: Runtime, data: DemoData, split: Split): DeviceSplit {
  return {
    x: rt.keep(rt.tensor(split.x, [split.count, ...data.featureShape])),
    labels: rt.keep(rt.tensor(split.labels, [split.count], 'int32')),
    count: split.count,
  };
}
