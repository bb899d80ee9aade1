import { InvalidArgumentError } from '@descent/core';
import type { BatchInfo, Callback, CallbackState, Logs, TrainContext } from '../callback';
import { improves, monitorMode } from '../internal/monitor';

/** Options of `modelCheckpoint`. */
export interface ModelCheckpointOptions {
  /** The folder: `checkpoint.json` names its `last` and `best` checkpoint folders. */
  dir: string;
  /** The log that decides `best`. Default 'val_loss' ('loss' when there is no validation). */
  monitor?: string;
  /** 'min', 'max', or 'auto' (max for accuracies). Default 'auto'. */
  mode?: 'auto' | 'min' | 'max';
  /** Keep the best checkpoint. Default true. */
  saveBest?: boolean;
  /** Keep the last checkpoint (what `fit({ resume })` continues from). Default true. */
  saveLast?: boolean;
  /** 'epoch' (default), or every N steps as well, for long epochs. */
  saveFreq?: 'epoch' | number;
  /** Save the last checkpoint when the stop signal ends training mid-way. Default true. */
  saveOnStop?: boolean;
}

/**
 * Writes checkpoints while training: model config and weights (safetensors), optimizer state,
 * the RNG position, epoch and step, and the callbacks' states, each checkpoint written
 * atomically (a crash never damages the previous one). `fit(model, data, { resume: dir })`
 * continues from the last one, ending with the same weights as a run never interrupted;
 * `loadCheckpoint(rt, dir)` loads the best model.
 *
 * @example
 * modelCheckpoint({ dir: 'runs/mnist', monitor: 'val_accuracy' });
 */
export function modelCheckpoint(options: ModelCheckpointOptions): Callback & {
  /** The checkpoint folder. */
  readonly dir: string;
} {
  const dir = options?.dir;
  if (typeof dir !== 'string' || dir === '')
    throw new InvalidArgumentError('modelCheckpoint', 'dir (a folder for the checkpoints) is required');
  const saveBest = options.saveBest ?? true;
  const saveLast = options.saveLast ?? true;
  const saveFreq = options.saveFreq ?? 'epoch';
  if (saveFreq !== 'epoch' && (!Number.isInteger(saveFreq) || saveFreq < 1))
    throw new InvalidArgumentError(
      'modelCheckpoint',
      `saveFreq must be 'epoch' or a positive number of steps, got ${JSON.stringify(saveFreq)}`,
    );
  let monitor = options.monitor;
  let best: number | undefined;
  let savedStep = -1;
  let restored = false;
  return {
    name: 'modelCheckpoint',
    savesState: true,
    dir,
    onTrainBegin(ctx: TrainContext) {
      if (!restored) best = undefined;
      savedStep = ctx.step;
    },
    async onBatchEnd(info: BatchInfo, _logs: Logs, ctx: TrainContext) {
      if (typeof saveFreq === 'number' && saveLast && (info.step + 1) % saveFreq === 0) {
        await ctx.saveCheckpoint(dir, { last: true });
        savedStep = ctx.step;
      }
    },
    async onEpochEnd(_epoch: number, logs: Logs, ctx: TrainContext) {
      monitor ??= 'val_loss' in logs ? 'val_loss' : 'loss';
      const mode = monitorMode('modelCheckpoint', monitor, options.mode);
      const current = logs[monitor];
      const better =
        saveBest &&
        current !== undefined &&
        !Number.isNaN(current) &&
        (best === undefined || improves(mode, current, best));
      if (!saveLast && !better) return;
      await ctx.saveCheckpoint(dir, {
        last: saveLast,
        ...(better ? { best: { monitor, value: current! } } : {}),
      });
      if (better) best = current;
      savedStep = ctx.step;
    },
    async onTrainEnd(_logs: Logs, ctx: TrainContext) {
      restored = false;
      const interrupted = ctx.stopReason !== undefined && ctx.epoch < ctx.epochs;
      if ((options.saveOnStop ?? true) && saveLast && interrupted && ctx.step !== savedStep) {
        await ctx.saveCheckpoint(dir, { last: true });
        savedStep = ctx.step;
      }
    },
    getState(): CallbackState {
      return { json: { best: best ?? null, monitor: monitor ?? null } };
    },
    setState(s: CallbackState) {
      const j = s.json as { best: number | null; monitor: string | null };
      best = j.best ?? undefined;
      monitor = j.monitor ?? monitor;
      restored = true;
    },
  };
}
