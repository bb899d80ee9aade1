import type { ParamTree, Runtime, Tensor } from '@descent/core';
import type { Layer } from '@descent/layers';
import type { JsonValue, OptState } from '@descent/optimizers';
import type { History } from './history';

/** Values reported at the end of a batch, an epoch or training: `loss`, metrics, `val_*`, `lr`. */
export type Logs = { readonly [name: string]: number };

/** Where a batch stands. */
export interface BatchInfo {
  /** Epoch, from 0. */
  readonly epoch: number;
  /** Batch within the epoch, from 0. */
  readonly batch: number;
  /** Global step of this batch, from 0 (one optimizer update per step). */
  readonly step: number;
  /** Examples in the batch. */
  readonly size: number;
  /** Whether the loss of this step is read back (every `readLossEvery` steps, and each epoch's last). */
  readonly readLoss: boolean;
}

/** What a callback stores in a checkpoint: JSON, and tensors (early stopping's best weights). */
export interface CallbackState {
  /** Numbers and strings the callback keeps (counters, the best value so far), as JSON. */
  readonly json: JsonValue;
  /** Tensors it keeps, by name (saved as safetensors beside the checkpoint). */
  readonly tensors?: { readonly [name: string]: Tensor };
}

/**
 * Weights (and optimizer state) held without copying: tensors are immutable, so a snapshot is
 * new handles on the current data. `restore` puts them back; `dispose` lets them go.
 */
export interface Snapshot {
  /** Every weight of the model by path (`dense/kernel`), trainable or not. */
  readonly weights: { readonly [path: string]: Tensor };
  /** The step the snapshot was taken before. */
  readonly step: number;
  /** Puts the weights back (and the optimizer state with `{ optimizer: true }`). */
  restore(options?: { optimizer?: boolean }): void;
  /** Lets go of the snapshot's handles (the model keeps its own). */
  dispose(): void;
}

/** What callbacks see of a running `fit`, and what they may do to it. */
export interface TrainContext {
  /** The model being trained. */
  readonly model: Layer;
  /** The runtime it trains on. */
  readonly runtime: Runtime;
  /** Epochs `fit` runs to (exclusive end of the epoch count). */
  readonly epochs: number;
  /** The epoch `fit` started at (after a resume, the checkpoint's). */
  readonly initialEpoch: number;
  /** Batches per epoch when known. */
  readonly stepsPerEpoch: number | undefined;
  /** The current epoch, from 0. */
  readonly epoch: number;
  /** Optimizer steps completed. */
  readonly step: number;
  /** The logs of the epochs so far (the `History` callback `fit` returns). */
  readonly history: History;
  /** Set once something asked training to stop. */
  readonly stopReason: string | undefined;
  /** Asks `fit` to stop after the current batch (early stopping, NaN guard). */
  stop(reason: string): void;
  /** Prints a line (above the progress bar when there is one). */
  log(line: string): void;
  /** Sends `log` lines to `printer` until the returned function is called (a progress bar prints them above itself). */
  addLogListener(printer: (line: string) => void): () => void;
  /** The optimizer's held hyperparameters (`learningRate`, ...). */
  getHyperparams(): { readonly [name: string]: number };
  /** Changes held hyperparameters for the following steps (learning-rate callbacks). */
  setHyperparams(values: { readonly [name: string]: number }): void;
  /** The optimizer state (read only; owned by the trainer). */
  readonly optimizerState: OptState;
  /** New handles on every weight and the optimizer state, to restore later. */
  snapshot(): Snapshot;
  /** Puts saved weights back (by path); the caller keeps its tensors. */
  assignWeights(weights: ParamTree | { readonly [path: string]: Tensor }): void;
  /**
   * Writes a checkpoint (model, optimizer state, RNG position, epoch and step, callback states)
   * into `dir` atomically, as its `last` and, with `best`, its `best`.
   */
  saveCheckpoint(
    dir: string,
    options?: { best?: { monitor: string; value: number }; last?: boolean },
  ): Promise<string>;
}

/**
 * A hook into `fit`, as Keras' callbacks: every method is optional and may be async (it is
 * awaited). `getState`/`setState` make a callback resumable: its state goes into checkpoints
 * under its `name`.
 *
 * @example
 * const printer: Callback = {
 *   name: 'printer',
 *   onEpochEnd: (epoch, logs) => console.log(epoch, logs.loss),
 * };
 */
export interface Callback {
  /** Unique among a fit's callbacks (it keys the callback's state in checkpoints). */
  readonly name: string;
  /**
   * Set by callbacks that save the others' state (`modelCheckpoint`): they see every event after
   * the other callbacks, so what they save includes the others' updates, and the end of training
   * before them, before the others let go of their state.
   */
  readonly savesState?: boolean;
  /** Before the first epoch (also after a resume). */
  onTrainBegin?(ctx: TrainContext): void | Promise<void>;
  /** Before each epoch; `epoch` counts from 0. */
  onEpochBegin?(epoch: number, ctx: TrainContext): void | Promise<void>;
  /** Before each training step. */
  onBatchBegin?(info: BatchInfo, ctx: TrainContext): void | Promise<void>;
  /** `logs` holds `loss` (the epoch's running mean), `batch_loss` and metrics on steps that read the loss, else nothing. */
  onBatchEnd?(info: BatchInfo, logs: Logs, ctx: TrainContext): void | Promise<void>;
  /**
   * After each epoch, with its logs: `loss`, metrics, and `val_`-prefixed values when there is
   * validation data.
   */
  onEpochEnd?(epoch: number, logs: Logs, ctx: TrainContext): void | Promise<void>;
  /** After the last epoch, or when training stops early, with the last epoch's logs. */
  onTrainEnd?(logs: Logs, ctx: TrainContext): void | Promise<void>;
  /** What to save in a checkpoint, so a resumed run continues where this one was. */
  getState?(): CallbackState | Promise<CallbackState>;
  /** Restores what `getState` saved, when `fit` resumes from a checkpoint. */
  setState?(state: CallbackState, ctx: TrainContext): void | Promise<void>;
}

/** What the registry holds under kind `callback`: a factory from options. */
// biome-ignore lint/suspicious/noExplicitAny: each factory has its own options type.
export type CallbackFactory = (options?: any) => Callback;

declare module '@descent/core' {
  interface RegistryKinds {
    /** Callbacks, by name (`'earlyStopping'`); typed by `@descent/trainer`. */
    callback: CallbackFactory;
  }
}
