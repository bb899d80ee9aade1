import { checkOptions, InvalidArgumentError } from '@descent/core';
import { type PlateauState, type ReduceOnPlateau, reduceOnPlateau } from '@descent/optimizers';
import type { Callback, CallbackState, Logs, TrainContext } from '../callback';
import { fmt, monitorMode } from '../internal/monitor';

/** Options of `reduceLROnPlateau`. */
export interface ReduceLROnPlateauOptions {
  /** The log to watch. Default 'val_loss'. */
  monitor?: string;
  /** Multiplies the learning rate on a plateau. Default 0.1. */
  factor?: number;
  /** Epochs without improvement tolerated. Default 10. */
  patience?: number;
  /** 'min', 'max', or 'auto' (max for accuracies). Default 'auto'. */
  mode?: 'auto' | 'min' | 'max';
  /** How much better counts as better. Default 1e-4. */
  threshold?: number;
  /** 'rel' (PyTorch's default) or 'abs' (Keras' min_delta). Default 'rel'. */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a reduction. Default 0. */
  cooldown?: number;
  /** The learning rate never goes below this. Default 0. */
  minLr?: number;
}

/**
 * Lowers the learning rate when a monitored log stops improving, driving `@descent/optimizers`'
 * `reduceOnPlateau` controller once per epoch and writing its value into the optimizer's held
 * `learningRate` (every named optimizer holds one). Its state goes into checkpoints.
 *
 * @example
 * reduceLROnPlateau({ monitor: 'val_loss', factor: 0.5, patience: 2 });
 */
export function reduceLROnPlateau(options: ReduceLROnPlateauOptions = {}): Callback {
  checkOptions('reduceLROnPlateau', options);
  const monitor = options.monitor ?? 'val_loss';
  const mode = monitorMode('reduceLROnPlateau', monitor, options.mode);
  let controller: ReduceOnPlateau | undefined;
  let state: PlateauState | undefined;
  let restored = false;
  let warned = false;
  return {
    name: 'reduceLROnPlateau',
    onTrainBegin(ctx: TrainContext) {
      const lr = ctx.getHyperparams().learningRate;
      if (lr === undefined)
        throw new InvalidArgumentError(
          'reduceLROnPlateau',
          'the optimizer holds no learningRate hyperparameter',
        );
      controller = reduceOnPlateau({
        initValue: lr,
        mode,
        factor: options.factor ?? 0.1,
        patience: options.patience ?? 10,
        threshold: options.threshold ?? 1e-4,
        thresholdMode: options.thresholdMode ?? 'rel',
        cooldown: options.cooldown ?? 0,
        minValue: options.minLr ?? 0,
      });
      if (!restored) state = controller.init();
    },
    onEpochEnd(epoch: number, logs: Logs, ctx: TrainContext) {
      const current = logs[monitor];
      if (current === undefined) {
        if (!warned)
          ctx.log(`reduceLROnPlateau: no "${monitor}" in the logs (${Object.keys(logs).join(', ')})`);
        warned = true;
        return;
      }
      const next = controller!.update(state!, current);
      if (next.value !== state!.value) {
        ctx.setHyperparams({ learningRate: next.value });
        ctx.log(
          `reduceLROnPlateau after epoch ${epoch + 1}: ${monitor} ${fmt(current)} has not improved on ${fmt(next.best ?? undefined)}; learning rate ${fmt(state!.value)} → ${fmt(next.value)}`,
        );
      }
      state = next;
    },
    onTrainEnd() {
      restored = false;
    },
    getState(): CallbackState {
      return { json: state ? { ...state } : null };
    },
    setState(s: CallbackState) {
      if (s.json === null) return;
      state = s.json as unknown as PlateauState;
      restored = true;
    },
  };
}
