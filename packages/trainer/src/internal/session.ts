import { valueAndGrad } from '@descent/autograd';
import {
  add,
  div,
  fill,
  flattenParams,
  mul,
  type ParamTree,
  type Runtime,
  reshape,
  stack,
  type Tensor,
} from '@descent/core';
import { type Batch, type Dataset, EmptyDatasetError } from '@descent/data';
import { type Layer, type LayerParams, loadWeights, type Metric } from '@descent/layers';
import {
  applyGradients,
  deserializeState,
  disposeState,
  type GradientTransform,
  getHyperparams,
  type JsonValue,
  type OptimizerRef,
  type OptState,
  setHyperparams,
} from '@descent/optimizers';
import type { BatchInfo, Callback, CallbackState, Logs, Snapshot, TrainContext } from '../callback';
import { CheckpointError } from '../errors';
import type { History } from '../history';
import { checkFeatures, checkLabelRange, fieldsOf } from './check-batch';
import type { TrainerStateJson } from './checkpoint-format';
import { disposeBatch, evaluateBatches, type InferenceSetup } from './inference';
import type { CheckpointData } from './read-checkpoint';
import { mapStateTensors } from './state-tensors';
import { upload } from './upload';
import { writeCheckpoint } from './write-checkpoint';
import { yieldToEventLoop } from './yield-to-event-loop';

/** An augmentation pipeline as `@descent/augment` makes it (structurally: the trainer does not depend on it). */
export interface AugmentTransform {
  /** Whether it needs (and changes) the labels: mixup, cutmix. */
  readonly usesLabels?: boolean;
  /**
   * Transforms a batch of NHWC images (or images with their labels); `training: false` leaves out
   * the random steps.
   */
  apply(input: Tensor | { images: Tensor; labels?: Tensor }, options?: { training?: boolean }): unknown;
}

/** Everything a training session is made of, resolved by `fit`. */
export interface SessionSetup {
  readonly rt: Runtime;
  readonly model: Layer;
  readonly backend: string;
  readonly train: Dataset<Batch>;
  readonly validation: Dataset<Batch> | undefined;
  readonly loss: (yTrue: Tensor, yPred: Tensor) => Tensor;
  readonly metrics: readonly Metric[];
  readonly validationMetrics: readonly Metric[];
  readonly transform: GradientTransform;
  readonly optimizerRef: OptimizerRef | undefined;
  readonly callbacks: readonly Callback[];
  readonly history: History;
  readonly epochs: number;
  readonly stepsPerEpoch: number | undefined;
  readonly readLossEvery: number;
  readonly yieldEvery: number;
  readonly classes: number | undefined;
  readonly augment: AugmentTransform | undefined;
  readonly penalty: ((params: LayerParams) => Tensor) | undefined;
  readonly signal: AbortSignal | undefined;
  readonly log: (line: string) => void;
  readonly seed: number | undefined;
  readonly resume: CheckpointData | undefined;
}

type RngState = { key: [number, number]; counter: number };

/** One run of `fit`: the training loop, the state callbacks see, and checkpoints. */
export class Session implements TrainContext {
  readonly model: Layer;
  readonly runtime: Runtime;
  readonly epochs: number;
  readonly stepsPerEpoch: number | undefined;
  readonly history: History;
  initialEpoch = 0;
  epoch = 0;
  step = 0;
  stopReason: string | undefined;
  private batchInEpoch = 0;
  /** Between an epoch's last batch and the next epoch: a checkpoint then resumes at the next epoch. */
  private epochDone = false;
  private state: OptState | undefined;
  private rngEpochStart: RngState;
  private lossSum: Tensor | undefined;
  private regSum: Tensor | undefined;
  private count = 0;
  private readonly logListeners: ((line: string) => void)[] = [];
  private checkedTensorLabels = false;

  /** Callbacks in event order: those that save state after the others. */
  private readonly callbacks: readonly Callback[];
  /** At the end of training, the savers first. */
  private readonly endOrder: readonly Callback[];

  constructor(private readonly s: SessionSetup) {
    const savers = s.callbacks.filter((c) => c.savesState);
    const others = s.callbacks.filter((c) => !c.savesState);
    this.callbacks = [...others, ...savers];
    this.endOrder = [...savers, ...others];
    this.model = s.model;
    this.runtime = s.rt;
    this.epochs = s.epochs;
    this.stepsPerEpoch = s.stepsPerEpoch;
    this.history = s.history;
    this.rngEpochStart = s.rt.rngState();
  }

  // ---- TrainContext --------------------------------------------------------------------

  get optimizerState(): OptState {
    return this.state!;
  }

  stop(reason: string): void {
    this.stopReason ??= reason;
  }

  log(line: string): void {
    const top = this.logListeners[this.logListeners.length - 1];
    (top ?? this.s.log)(line);
  }

  addLogListener(listener: (line: string) => void): () => void {
    this.logListeners.push(listener);
    return () => {
      const i = this.logListeners.indexOf(listener);
      if (i >= 0) this.logListeners.splice(i, 1);
    };
  }

  getHyperparams(): { readonly [name: string]: number } {
    return getHyperparams(this.state!);
  }

  setHyperparams(values: { readonly [name: string]: number }): void {
    this.state = setHyperparams(this.state!, values);
  }

  snapshot(): Snapshot {
    const rt = this.runtime;
    const weights = Object.fromEntries(
      this.model.variables().map(({ path, variable }) => [path, rt.retain(variable.value)]),
    );
    const state = mapStateTensors(this.state!, (t) => rt.retain(t));
    const step = this.step;
    let live = true;
    return {
      weights,
      step,
      restore: (options: { optimizer?: boolean } = {}) => {
        if (!live) throw new Error('snapshot: restored after dispose');
        this.model.assign(weights);
        if (options.optimizer) {
          const next = mapStateTensors(state, (t) => rt.retain(t));
          disposeState(this.state!);
          this.state = next;
        }
      },
      dispose: () => {
        if (!live) return;
        live = false;
        for (const t of Object.values(weights)) t.dispose();
        disposeState(state);
      },
    } as Snapshot;
  }

  assignWeights(weights: ParamTree | { readonly [path: string]: Tensor }): void {
    this.model.assign(weights as ParamTree);
  }

  async saveCheckpoint(
    dir: string,
    options: { best?: { monitor: string; value: number }; last?: boolean } = {},
  ): Promise<string> {
    const callbacks: Record<string, JsonValue> = {};
    const callbackTensors: [string, Tensor][] = [];
    for (const cb of this.s.callbacks) {
      if (!cb.getState) continue;
      const st = await cb.getState();
      callbacks[cb.name] = st.json;
      for (const [k, t] of Object.entries(st.tensors ?? {})) callbackTensors.push([`${cb.name}/${k}`, t]);
    }
    const read = async (t: Tensor | undefined) => (t ? (await t.data())[0]! : 0);
    const trainer: TrainerStateJson = {
      format: 'descent-trainer-state',
      version: 1,
      epoch: this.epochDone ? this.epoch + 1 : this.epoch,
      batchInEpoch: this.epochDone ? 0 : this.batchInEpoch,
      step: this.step,
      rng: this.runtime.rngState(),
      rngEpochStart: this.rngEpochStart,
      accumulators: { lossSum: await read(this.lossSum), regSum: await read(this.regSum), count: this.count },
      optimizer: this.s.optimizerRef ?? null,
      callbacks,
      savedAt: new Date().toISOString(),
    };
    return writeCheckpoint(
      dir,
      {
        model: this.model,
        optimizerState: this.state!,
        optimizerRef: this.s.optimizerRef,
        trainer,
        callbackTensors,
      },
      options,
    );
  }

  // ---- the loop ------------------------------------------------------------------------

  async run(): Promise<History> {
    const { s } = this;
    const rt = this.runtime;
    let resumeSkip = 0;
    let resumeRng: RngState | undefined;
    if (s.resume) {
      const t = await this.restore(s.resume);
      resumeSkip = t.batchInEpoch;
      resumeRng = { key: [t.rng.key[0], t.rng.key[1]], counter: t.rng.counter };
    } else {
      if (s.seed !== undefined) rt.seed(s.seed);
      this.state = s.transform.init(this.model.trainableParams());
    }
    this.initialEpoch = this.epoch;
    let logs: Logs = {};
    try {
      for (const cb of this.callbacks) await cb.onTrainBegin?.(this);
      for (; this.epoch < this.epochs && !this.stopped(); this.epoch++, this.epochDone = false) {
        if (resumeSkip === 0) {
          this.batchInEpoch = 0;
          this.resetAccumulators();
        }
        for (const m of s.metrics) m.reset();
        for (const cb of this.callbacks) await cb.onEpochBegin?.(this.epoch, this);
        const epochLogs = await this.runEpoch(resumeSkip, resumeRng);
        resumeSkip = 0;
        resumeRng = undefined;
        if (!epochLogs) break;
        logs = epochLogs;
        this.epochDone = true;
        for (const cb of this.callbacks) await cb.onEpochEnd?.(this.epoch, logs, this);
      }
      if (s.signal?.aborted)
        this.stop(`stopped by the signal${s.signal.reason ? ` (${String(s.signal.reason)})` : ''}`);
      this.history.stopReason = this.stopReason;
      for (const cb of this.endOrder) await cb.onTrainEnd?.(logs, this);
    } finally {
      this.resetAccumulators();
      for (const m of s.metrics) m.reset();
      if (this.state !== undefined) disposeState(this.state);
      this.state = undefined;
    }
    return this.history;
  }

  private stopped(): boolean {
    return this.stopReason !== undefined || (this.s.signal?.aborted ?? false);
  }

  /** One epoch; undefined when it stopped before its end. */
  private async runEpoch(skip: number, resumeRng: RngState | undefined): Promise<Logs | undefined> {
    const { s } = this;
    const rt = this.runtime;
    if (skip > 0) rt.setRngState(this.rngEpochStart);
    else this.rngEpochStart = rt.rngState();
    const it = s.train.iterate({ runtime: rt });
    try {
      // Resuming mid-epoch: replay the epoch's order (drawn when the pass starts), drop the
      // batches already trained on, then put the stream back where the checkpoint left it.
      for (let i = 0; i < skip; i++) {
        const r = await it.next();
        if (r.done) break;
        disposeBatch(r.value);
      }
      if (resumeRng) rt.setRngState(resumeRng);
      for (;;) {
        if (this.stopped()) return undefined;
        if (s.stepsPerEpoch !== undefined && this.batchInEpoch >= s.stepsPerEpoch) break;
        const r = await it.next();
        if (r.done) break;
        await this.trainBatch(r.value);
        if (this.step % s.yieldEvery === 0) await yieldToEventLoop();
      }
    } finally {
      await it.return?.();
    }
    if (this.count === 0)
      throw new EmptyDatasetError('fit', `the training data yielded no batches in epoch ${this.epoch + 1}`);
    if (this.stopped()) return undefined;
    const logs = await this.epochLogs();
    this.batchInEpoch = 0;
    this.resetAccumulators();
    return logs;
  }

  private async trainBatch(batch: Batch): Promise<void> {
    const { s } = this;
    let value!: Tensor;
    let info!: BatchInfo;
    try {
      const { x, y } = fieldsOf('fit', batch, true);
      checkFeatures('fit', this.model.name, x, this.model.builtInputShape!);
      if (s.classes !== undefined) {
        if (!isTensor(y)) checkLabelRange('fit', y!, s.classes, this.batchInEpoch);
        else if (!this.checkedTensorLabels) {
          // Tensor labels are checked once (a read-back); host labels every batch.
          this.checkedTensorLabels = true;
          const values = await y.data();
          checkLabelRange(
            'fit',
            { data: values as Float32Array, shape: y.shape, dtype: 'float32' },
            s.classes,
            this.batchInEpoch,
          );
        }
      }
      const n = x.shape[0]!;
      const last = s.stepsPerEpoch !== undefined && this.batchInEpoch + 1 === s.stepsPerEpoch;
      info = {
        epoch: this.epoch,
        batch: this.batchInEpoch,
        step: this.step,
        size: n,
        readLoss: (this.step + 1) % s.readLossEvery === 0 || last,
      };
      for (const cb of this.callbacks) await cb.onBatchBegin?.(info, this);
      value = this.trainStep(x, y!, n);
    } finally {
      disposeBatch(batch);
    }
    this.step++;
    this.batchInEpoch++;
    let logs: Logs = {};
    try {
      if (info.readLoss) logs = await this.readBatchLogs(value);
    } finally {
      value.dispose();
    }
    for (const cb of this.callbacks) await cb.onBatchEnd?.(info, logs, this);
  }

  /** The step itself, in one memory scope: forward, loss (+ penalty), gradients, update, metrics. */
  private trainStep(xIn: Parameters<typeof upload>[1], yIn: Parameters<typeof upload>[1], n: number): Tensor {
    const { s, model } = this;
    const rt = this.runtime;
    let predView: Tensor | undefined;
    let regView: Tensor | undefined;
    try {
      return rt.tidy(() => {
        let x = upload(rt, xIn, s.backend);
        let y = upload(rt, yIn, s.backend);
        if (s.augment) {
          if (s.augment.usesLabels) {
            const out = s.augment.apply({ images: x, labels: y }, { training: true }) as {
              images: Tensor;
              labels: Tensor;
            };
            x = out.images;
            y = out.labels;
          } else x = s.augment.apply(x, { training: true }) as Tensor;
        }
        const params = model.trainableParams();
        const { value, grads } = valueAndGrad((p: LayerParams) => {
          const pred = model.apply(p, x, { training: true });
          // Views are constants to the tape: metrics read them after the step, off the graph.
          predView = rt.keep(rt.view(pred));
          const dataLoss = s.loss(y, pred);
          if (!s.penalty) return dataLoss;
          const reg = s.penalty(p);
          regView = rt.keep(rt.view(reg));
          return add(dataLoss, reg);
        })(params);
        const next = applyGradients(s.transform, params, grads, this.state!);
        model.assign(next.params);
        model.applyConstraints();
        this.state = next.state;
        for (const m of s.metrics) m.update(y, predView!);
        this.lossSum = this.accumulate(this.lossSum, value, n);
        if (regView) this.regSum = this.accumulate(this.regSum, regView, n);
        this.count += n;
        return value;
      });
    } finally {
      predView?.dispose();
      regView?.dispose();
    }
  }

  private accumulate(sum: Tensor | undefined, value: Tensor, n: number): Tensor {
    const rt = this.runtime;
    const next = rt.keep(sum ? add(sum, mul(value, n)) : mul(value, n));
    sum?.dispose();
    return next;
  }

  private resetAccumulators(): void {
    this.lossSum?.dispose();
    this.regSum?.dispose();
    this.lossSum = undefined;
    this.regSum = undefined;
    this.count = 0;
  }

  /** The batch loss, the epoch's running loss and the metrics so far, in one read-back. */
  private async readBatchLogs(value: Tensor): Promise<Logs> {
    const rt = this.runtime;
    const { metrics } = this.s;
    const t = rt.tidy(() =>
      stack([
        reshape(value, []),
        this.mean(this.lossSum!),
        ...(this.regSum ? [this.mean(this.regSum)] : []),
        ...metrics.map((m) => m.result()),
      ]),
    );
    try {
      const d = await t.data();
      const logs: Record<string, number> = { batch_loss: d[0]!, loss: d[1]! };
      let i = 2;
      if (this.regSum) logs.regularization_loss = d[i++]!;
      for (const m of metrics) logs[m.name] = d[i++]!;
      return logs;
    } finally {
      t.dispose();
    }
  }

  private mean(sum: Tensor): Tensor {
    return div(sum, fill(this.runtime, [], this.count, 'float32', { backend: this.s.backend }));
  }

  /** The epoch's loss and metrics (one read-back), then the validation's, and the learning rate. */
  private async epochLogs(): Promise<Logs> {
    const { s } = this;
    const rt = this.runtime;
    const names = ['loss', ...(this.regSum ? ['regularization_loss'] : []), ...s.metrics.map((m) => m.name)];
    const t = rt.tidy(() =>
      stack([
        this.mean(this.lossSum!),
        ...(this.regSum ? [this.mean(this.regSum)] : []),
        ...s.metrics.map((m) => m.result()),
      ]),
    );
    const logs: Record<string, number> = {};
    try {
      const d = await t.data();
      names.forEach((n, i) => {
        logs[n] = d[i]!;
      });
    } finally {
      t.dispose();
    }
    for (const m of s.metrics) m.reset();
    if (s.validation) {
      const setup: InferenceSetup = {
        rt,
        model: this.model,
        backend: s.backend,
        loss: s.loss,
        metrics: s.validationMetrics,
        classes: s.classes,
        yieldEvery: s.yieldEvery,
        signal: s.signal,
      };
      const val = await evaluateBatches('fit (validation)', setup, s.validation);
      for (const [k, v] of Object.entries(val)) logs[`val_${k}`] = v;
    }
    const lr = this.learningRate();
    if (lr !== undefined) logs.lr = lr;
    return logs;
  }

  private learningRate(): number | undefined {
    try {
      return getHyperparams(this.state!).learningRate;
    } catch {
      return undefined;
    }
  }

  /** Puts weights, optimizer state, RNG, counters and callback states back from a checkpoint. */
  private async restore(c: CheckpointData): Promise<TrainerStateJson> {
    const { s } = this;
    const rt = this.runtime;
    const t = c.trainer;
    const savedName = t.optimizer?.name;
    const givenName = s.optimizerRef?.name;
    if (savedName && givenName && savedName !== givenName)
      throw new CheckpointError(
        c.path,
        `was written with the optimizer "${savedName}", but fit was given "${givenName}"`,
      );
    await loadWeights(this.model, c.weightsFile);
    let state: OptState;
    try {
      state = deserializeState(rt, c.optimizer, { backend: s.backend });
    } catch (e) {
      throw new CheckpointError(c.path, `optimizer state: ${(e as Error).message}`);
    }
    this.checkStateFits(c.path, state);
    this.state = state;
    rt.setRngState(t.rng as RngState);
    this.rngEpochStart = {
      key: [t.rngEpochStart.key[0], t.rngEpochStart.key[1]],
      counter: t.rngEpochStart.counter,
    };
    this.epoch = t.epoch;
    this.step = t.step;
    this.batchInEpoch = t.batchInEpoch;
    this.resetAccumulators();
    if (t.batchInEpoch > 0) {
      const scalar = (v: number) =>
        rt.keep(rt.tensor(Float32Array.of(v), [], 'float32', { backend: s.backend }));
      this.lossSum = scalar(t.accumulators.lossSum);
      if (this.s.penalty && t.accumulators.regSum !== undefined) this.regSum = scalar(t.accumulators.regSum);
      this.count = t.accumulators.count;
    }
    for (const cb of s.callbacks) {
      const json = t.callbacks[cb.name];
      if (json === undefined || !cb.setState) continue;
      const tensors: Record<string, Tensor> = {};
      const prefix = `${cb.name}/`;
      for (const [name, v] of c.callbackTensors?.tensors ?? [])
        if (name.startsWith(prefix))
          tensors[name.slice(prefix.length)] = rt.tensor(v.data, v.shape, v.dtype, { backend: s.backend });
      const st: CallbackState = { json, tensors };
      try {
        await cb.setState(st, this);
      } finally {
        rt.dispose(tensors);
      }
    }
    return t;
  }

  /** The restored state must be the optimizer's for these parameters: one update on zero gradients tells. */
  private checkStateFits(path: string, state: OptState): void {
    const rt = this.runtime;
    const params = this.model.trainableParams();
    const paths = new Set(flattenParams('resume', params).map((l) => l.path));
    try {
      rt.tidy(() => {
        const zeros = Object.fromEntries(
          flattenParams('resume', params).map(({ path: p, tensor }) => [p, mul(tensor, 0)]),
        );
        this.s.transform.update(zeros as ParamTree, state, params as ParamTree);
      });
    } catch (e) {
      disposeState(state);
      throw new CheckpointError(
        path,
        `the optimizer state does not fit this model's parameters (${[...paths].join(', ')}) and optimizer: ${(e as Error).message}`,
      );
    }
  }
}

function isTensor(v: unknown): v is Tensor {
  return (
    typeof v === 'object' && v !== null && typeof (v as Tensor).dispose === 'function' && 'backendName' in v
  );
}
