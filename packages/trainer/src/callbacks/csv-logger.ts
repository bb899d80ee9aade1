import { checkOptions, InvalidArgumentError } from '@descent/core';
import type { Callback, Logs, TrainContext } from '../callback';

/**
 * Writes each epoch's logs as a CSV row (Keras' `CSVLogger`): `epoch` (from 1) then the log names
 * of the first epoch, in order. A resumed run appends to the file. Node only.
 *
 * @example
 * csvLogger('runs/mnist/log.csv');
 */
export function csvLogger(path: string, options: { separator?: string; append?: boolean } = {}): Callback {
  if (typeof path !== 'string' || path === '')
    throw new InvalidArgumentError('csvLogger', 'expected a file path');
  checkOptions('csvLogger', options);
  const sep = options.separator ?? ',';
  let keys: string[] | undefined;
  let append = false;
  const fs = () => import('node:fs/promises');
  return {
    name: 'csvLogger',
    async onTrainBegin(ctx: TrainContext) {
      append = (options.append ?? false) || ctx.initialEpoch > 0 || ctx.step > 0;
      const f = await fs();
      const { dirname } = await import('node:path');
      await f.mkdir(dirname(path), { recursive: true });
      keys = undefined;
      if (append) {
        const text = await f.readFile(path, 'utf8').catch(() => '');
        const header = text.split('\n')[0];
        if (header) keys = header.split(sep).slice(1);
      } else await f.writeFile(path, '');
    },
    async onEpochEnd(epoch: number, logs: Logs) {
      const f = await fs();
      let text = '';
      if (!keys) {
        keys = Object.keys(logs);
        text += `${['epoch', ...keys].join(sep)}\n`;
      }
      text += `${[String(epoch + 1), ...keys.map((k) => (k in logs ? String(logs[k]) : ''))].join(sep)}\n`;
      await f.appendFile(path, text);
    },
  };
}
