import { checkOptions, InvalidArgumentError, type Tensor } from '@descent/core';
import type { Callback, CallbackState, Logs, TrainContext } from '../callback';
import { fmt, improves, monitorMode } from '../internal/monitor';
import { disposeWeights, retainWeights } from '../internal/retain-weights';

/** Options of `earlyStopping`. */
export interface EarlyStoppingOptions {
  /** The log to watch. Default 'val_loss'. */
  monitor?: string;
  /** Smallest change that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Epochs without improvement before stopping. Default 0. */
  patience?: number;
  /** 'min', 'max', or 'auto' (max for accuracies). Default 'auto'. */
  mode?: 'auto' | 'min' | 'max';
  /** Training must beat this value, or it stops after `patience` epochs. */
  baseline?: number;
  /** On stopping, put back the weights of the best epoch. Default false. */
  restoreBestWeights?: boolean;
  /** Epochs to wait before watching (a warm-up). Default 0. */
  startFromEpoch?: number;
}

/**
 * Stops training when a monitored log stops improving (Keras' `EarlyStopping`, step for step),
 * optionally restoring the weights of the best epoch. Its state (and those weights) goes into
 * checkpoints, so a resumed run stops where the uninterrupted one would.
 *
 * @example
 * earlyStopping({ monitor: 'val_loss', patience: 3, restoreBestWeights: true });
 */
export function earlyStopping(options: EarlyStoppingOptions = {}): Callback & {
  /** The epoch with the best monitored value so far (undefined before the first). */
  readonly bestEpoch: number | undefined;
  /** The epoch training was stopped at, if it was. */
  readonly stoppedEpoch: number | undefined;
} {
  checkOptions('earlyStopping', options);
  const monitor = options.monitor ?? 'val_loss';
  const minDelta = Math.abs(options.minDelta ?? 0);
  const patience = options.patience ?? 0;
  const startFrom = options.startFromEpoch ?? 0;
  if (!Number.isInteger(patience) || patience < 0)
    throw new InvalidArgumentError(
      'earlyStopping',
      `patience must be a non-negative integer, got ${patience}`,
    );
  const mode = monitorMode('earlyStopping', monitor, options.mode);
  const restore = options.restoreBestWeights ?? false;
  let wait = 0;
  let best = mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  let bestEpoch: number | undefined;
  let stoppedEpoch: number | undefined;
  let bestWeights: Record<string, Tensor> | undefined;
  let restored = false;
  let warned = false;
  return {
    name: 'earlyStopping',
    get bestEpoch() {
      return bestEpoch;
    },
    get stoppedEpoch() {
      return stoppedEpoch;
    },
    onTrainBegin() {
      if (restored) return;
      wait = 0;
      best = mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      bestEpoch = stoppedEpoch = undefined;
      disposeWeights(bestWeights);
      bestWeights = undefined;
    },
    onEpochEnd(epoch: number, logs: Logs, ctx: TrainContext) {
      const current = logs[monitor];
      if (current === undefined) {
        if (!warned)
          ctx.log(
            `earlyStopping: no "${monitor}" in the logs (${Object.keys(logs).join(', ')}); not stopping`,
          );
        warned = true;
        return;
      }
      if (epoch < startFrom) return;
      if (restore && !bestWeights) bestWeights = retainWeights(ctx.model);
      wait++;
      if (improves(mode, current, best, minDelta)) {
        best = current;
        bestEpoch = epoch;
        if (restore) {
          disposeWeights(bestWeights);
          bestWeights = retainWeights(ctx.model);
        }
        if (options.baseline === undefined || improves(mode, current, options.baseline)) {
          wait = 0;
          return;
        }
      }
      if (wait >= patience && epoch > 0) {
        stoppedEpoch = epoch;
        let msg = `early stopping after epoch ${epoch + 1}: ${monitor} has not improved for ${wait} epoch${wait === 1 ? '' : 's'} (best ${fmt(best)} at epoch ${bestEpoch === undefined ? '-' : bestEpoch + 1})`;
        if (restore && bestWeights) {
          ctx.assignWeights(bestWeights);
          msg += '; restored the weights of that epoch';
        }
        ctx.log(msg);
        ctx.stop(msg);
      }
    },
    onTrainEnd() {
      disposeWeights(bestWeights);
      bestWeights = undefined;
      restored = false;
    },
    getState(): CallbackState {
      return {
        json: {
          wait,
          best: Number.isFinite(best) ? best : String(best),
          bestEpoch: bestEpoch ?? null,
        },
        ...(bestWeights ? { tensors: bestWeights } : {}),
      };
    },
    setState(state: CallbackState, ctx: TrainContext) {
      const s = state.json as { wait: number; best: number | string; bestEpoch: number | null };
      wait = s.wait;
      best = Number(s.best);
      bestEpoch = s.bestEpoch ?? undefined;
      disposeWeights(bestWeights);
      const rt = ctx.runtime;
      const tensors = state.tensors ?? {};
      bestWeights = Object.keys(tensors).length
        ? Object.fromEntries(Object.entries(tensors).map(([k, t]) => [k, rt.retain(t)]))
        : undefined;
      restored = true;
    },
  };
}
