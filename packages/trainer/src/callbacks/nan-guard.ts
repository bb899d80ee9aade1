import { checkOptions } from '@descent/core';
import type { BatchInfo, Callback, Logs, Snapshot, TrainContext } from '../callback';

/**
 * Stops training when the loss becomes NaN or infinite, with a message naming the step, and
 * puts back the weights (and optimizer state) from before the last step whose loss was finite.
 * It checks each loss `fit` reads back (every `readLossEvery` steps): read every step for the
 * exact step. Snapshots are new handles on unchanged tensors, not copies.
 *
 * @example
 * await fit(model, data, { loss, callbacks: [nanGuard()], readLossEvery: 1 });
 * history.stopReason; // 'NaN guard: the loss is NaN at step 37 (epoch 1, batch 37); ...'
 */
export function nanGuard(options: { restore?: boolean } = {}): Callback & {
  /** The step at which the loss was first not finite, if it was. */
  readonly firedAtStep: number | undefined;
} {
  checkOptions('nanGuard', options);
  const restore = options.restore ?? true;
  let lastGood: Snapshot | undefined;
  let pending: Snapshot | undefined;
  let lastGoodStep = -1;
  let initial = true;
  let firedAtStep: number | undefined;
  const drop = () => {
    pending?.dispose();
    lastGood?.dispose();
    pending = lastGood = undefined;
  };
  return {
    name: 'nanGuard',
    get firedAtStep() {
      return firedAtStep;
    },
    onTrainBegin(ctx: TrainContext) {
      drop();
      firedAtStep = undefined;
      lastGoodStep = -1;
      initial = true;
      if (restore) lastGood = ctx.snapshot();
    },
    onBatchBegin(info: BatchInfo, ctx: TrainContext) {
      if (restore && info.readLoss) pending = ctx.snapshot();
    },
    onBatchEnd(info: BatchInfo, logs: Logs, ctx: TrainContext) {
      if (!info.readLoss) return;
      const loss = logs.batch_loss;
      if (loss === undefined || Number.isFinite(loss)) {
        if (pending) {
          lastGood?.dispose();
          lastGood = pending;
          pending = undefined;
          initial = false;
        }
        lastGoodStep = info.step;
        return;
      }
      pending?.dispose();
      pending = undefined;
      firedAtStep = info.step + 1;
      let msg = `NaN guard: the loss is ${loss} at step ${info.step + 1} (epoch ${info.epoch + 1}, batch ${info.batch + 1})`;
      if (lastGoodStep >= 0 && lastGoodStep !== info.step - 1)
        msg += `; the last finite loss read was at step ${lastGoodStep + 1}`;
      if (restore && lastGood) {
        lastGood.restore({ optimizer: true });
        msg += initial
          ? '; restored the initial weights (no step had a finite loss)'
          : `; restored the weights from before step ${lastGood.step + 1}, the last whose loss was finite`;
      }
      ctx.log(msg);
      ctx.stop(msg);
    },
    onTrainEnd() {
      drop();
    },
  };
}
