import { checkOptions, InvalidArgumentError } from '@descent/core';
import type { BatchInfo, Callback, Logs, TrainContext } from '../callback';

/**
 * Writes logs as JSON Lines: one object per epoch (`{"event":"epoch","epoch":1,"loss":...}`) and,
 * with `batches`, one per step that read the loss. Non-finite values are written as strings
 * (`"NaN"`). A resumed run appends. Node only.
 *
 * @example
 * jsonLogger('runs/mnist/log.jsonl', { batches: true });
 */
export function jsonLogger(path: string, options: { batches?: boolean; append?: boolean } = {}): Callback {
  if (typeof path !== 'string' || path === '')
    throw new InvalidArgumentError('jsonLogger', 'expected a file path');
  checkOptions('jsonLogger', options);
  const fs = () => import('node:fs/promises');
  const line = (o: Record<string, unknown>) =>
    `${JSON.stringify(o, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}\n`;
  return {
    name: 'jsonLogger',
    async onTrainBegin(ctx: TrainContext) {
      const f = await fs();
      const { dirname } = await import('node:path');
      await f.mkdir(dirname(path), { recursive: true });
      const append = (options.append ?? false) || ctx.initialEpoch > 0 || ctx.step > 0;
      if (!append) await f.writeFile(path, '');
      await f.appendFile(
        path,
        line({ event: 'start', epoch: ctx.epoch + 1, step: ctx.step, time: new Date().toISOString() }),
      );
    },
    async onBatchEnd(info: BatchInfo, logs: Logs) {
      if (!options.batches || !info.readLoss) return;
      await (await fs()).appendFile(
        path,
        line({ event: 'batch', epoch: info.epoch + 1, step: info.step + 1, ...logs }),
      );
    },
    async onEpochEnd(epoch: number, logs: Logs) {
      await (await fs()).appendFile(path, line({ event: 'epoch', epoch: epoch + 1, ...logs }));
    },
    async onTrainEnd(logs: Logs, ctx: TrainContext) {
      await (await fs()).appendFile(
        path,
        line({
          event: 'end',
          step: ctx.step,
          ...(ctx.stopReason ? { stopReason: ctx.stopReason } : {}),
          ...logs,
        }),
      );
    },
  };
}
