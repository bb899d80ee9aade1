import { checkOptions } from '@descent/core';
import type { BatchInfo, Callback, Logs, TrainContext } from '../callback';
import { fmt } from '../internal/monitor';

/** Options of `progressBar`. */
export interface ProgressBarOptions {
  /** Where to draw. Default `process.stdout`. */
  stream?: NodeJS.WriteStream;
  /** Draw a bar (true) or print plain lines (false). Default: a bar when the stream is a terminal. */
  tty?: boolean;
  /** Seconds between plain progress lines when not drawing a bar. Default 10. */
  lineEverySeconds?: number;
}

/**
 * A terminal progress bar per epoch (`cli-progress`): steps, ETA, the running loss and metrics,
 * then a summary line per epoch with the validation logs and the learning rate. When the output
 * is not a terminal (a log file, CI) it prints plain lines instead. Node only (`cli-progress` is
 * loaded when training starts).
 *
 * @example
 * await fit(model, data, { loss, metrics: ['accuracy'], callbacks: [progressBar()] });
 * // epoch 1/5 [██████████░░░░░░░░░░] 512/938 | ETA 14s | loss 0.3121 | accuracy 0.9105
 */
export function progressBar(options: ProgressBarOptions = {}): Callback {
  checkOptions('progressBar', options);
  // biome-ignore lint/suspicious/noExplicitAny: cli-progress's MultiBar and bar types, loaded lazily.
  let multi: any;
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  let bar: any;
  let stream: NodeJS.WriteStream;
  let tty = false;
  let epochStart = 0;
  let lastLine = 0;
  let firstBatch = 0;
  let lastLogs: Logs = {};
  let unlisten: (() => void) | undefined;
  const print = (line: string) => {
    if (multi) multi.log(`${line}\n`);
    else stream.write(`${line}\n`);
  };
  const metricsText = (logs: Logs) =>
    Object.entries(logs)
      .filter(([k]) => k !== 'batch_loss')
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(' | ');
  const eta = (done: number, total: number | undefined): string => {
    if (!total || done === 0) return '-';
    const s = ((performance.now() - epochStart) / 1000 / done) * (total - done);
    return s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${Math.round(s)}s`;
  };
  return {
    name: 'progressBar',
    async onTrainBegin(ctx: TrainContext) {
      stream = options.stream ?? process.stdout;
      tty = options.tty ?? Boolean(stream.isTTY);
      unlisten = ctx.addLogListener(print);
      if (tty) {
        const mod = await import('cli-progress');
        const { MultiBar } = mod.default ?? mod;
        multi = new MultiBar({
          stream,
          format: 'epoch {epoch} [{bar}] {value}/{total} | ETA {etaText} | {metrics}',
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          stopOnComplete: false,
          etaBuffer: 50,
          fps: 10,
        });
      }
    },
    onEpochBegin(epoch: number, ctx: TrainContext) {
      epochStart = performance.now();
      lastLine = epochStart;
      lastLogs = {};
      firstBatch = -1;
      if (multi) {
        bar = multi.create(ctx.stepsPerEpoch ?? 0, 0, {
          epoch: `${epoch + 1}/${ctx.epochs}`,
          etaText: '-',
          metrics: '',
        });
        multi.update();
      }
    },
    onBatchEnd(info: BatchInfo, logs: Logs, ctx: TrainContext) {
      if (firstBatch < 0) {
        // After a mid-epoch resume the epoch starts part-way: time only what runs now.
        firstBatch = info.batch;
        epochStart = performance.now();
      }
      if (info.readLoss) lastLogs = logs;
      const done = info.batch + 1;
      const total = ctx.stepsPerEpoch;
      const timed = done - firstBatch;
      if (bar) {
        bar.update(done, {
          etaText: total ? eta(timed, total - firstBatch) : '-',
          metrics: metricsText(lastLogs),
        });
        return;
      }
      const now = performance.now();
      if (now - lastLine >= (options.lineEverySeconds ?? 10) * 1000) {
        lastLine = now;
        const pct = total ? ` (${Math.round((100 * done) / total)}%)` : '';
        stream.write(
          `epoch ${info.epoch + 1}/${ctx.epochs} step ${done}${total ? `/${total}` : ''}${pct} | ETA ${eta(timed, total && total - firstBatch)} | ${metricsText(lastLogs)}\n`,
        );
      }
    },
    onEpochEnd(epoch: number, logs: Logs, ctx: TrainContext) {
      const seconds = ((performance.now() - epochStart) / 1000).toFixed(1);
      print(`epoch ${epoch + 1}/${ctx.epochs} | ${seconds}s | ${metricsText(logs)}`);
      if (bar) {
        // Removing redraws: the line above is written, the bar goes.
        multi.remove(bar);
        bar = undefined;
      }
    },
    onTrainEnd() {
      if (bar) multi.remove(bar);
      // Lines logged since the last redraw (an early-stopping message) are written by a redraw.
      multi?.update();
      multi?.stop();
      multi = bar = undefined;
      unlisten?.();
    },
  };
}
