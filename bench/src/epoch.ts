// A training epoch on MNIST-shaped data, run in a process of its own (see main.ts) so its peak
// resident memory belongs to one framework and one model. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FRAMEWORKS, type FrameworkName } from './frameworks';
import { seeded } from './timing';
import { type ModelName, makeTrainer } from './train';

export const EPOCH_IMAGES = 60_000;

export interface EpochResult {
  framework: FrameworkName;
  model: ModelName;
  batch: number;
  /** Steps timed (after `warmup` untimed ones); an epoch is ⌊60000 / batch⌋ steps. */
  steps: number;
  warmup: number;
  msPerStep: number;
  /** msPerStep × steps per epoch: the whole epoch when `steps` is all of it. */
  epochSeconds: number;
  /** Resident set before the first step and its peak over the run (process.resourceUsage). */
  rssBeforeMiB: number;
  peakRssMiB: number;
  /** The framework's own count of tensor bytes at its highest after a step. */
  peakTensorMiB: number;
  firstLoss: number;
  lastLoss: number;
}

/**
 * This process's peak resident set in MiB: Linux's VmHWM, which starts afresh at exec. Not
 * getrusage's maxRSS: Linux carries that over from the parent at fork, so a child spawned by a
 * bench process larger than itself reported the parent's size (every column the same).
 */
function peakRssMiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Trains `steps` steps on a pool of 1024 seeded synthetic images with random labels (the
 * timing of dense and conv layers does not depend on the pixel values).
 */
export async function runEpoch(
  framework: FrameworkName,
  model: ModelName,
  steps: number,
  batch = 64,
  warmup = 3,
): Promise<EpochResult> {
  const pool = 1024;
  const next = seeded(7);
  const images = Float32Array.from({ length: pool * 784 }, next);
  const labels = Int32Array.from({ length: pool }, () => Math.floor(next() * 10));
  const trainer = await makeTrainer(framework, model, batch);
  const rssBefore = process.memoryUsage().rss;
  const batchAt = (s: number): [Float32Array, Int32Array] => {
    const start = (s * batch) % (pool - batch);
    return [images.subarray(start * 784, (start + batch) * 784), labels.subarray(start, start + batch)];
  };
  let firstLoss = Number.NaN;
  let peakBytes = 0;
  for (let s = 0; s < warmup; s++) firstLoss = trainer.step(...batchAt(s));
  const t0 = performance.now();
  let lastLoss = Number.NaN;
  for (let s = 0; s < steps; s++) {
    lastLoss = trainer.step(...batchAt(warmup + s));
    if (s % 16 === 0) peakBytes = Math.max(peakBytes, trainer.bytes());
  }
  const ms = performance.now() - t0;
  trainer.dispose();
  const msPerStep = ms / Math.max(steps, 1);
  return {
    framework,
    model,
    batch,
    steps,
    warmup,
    msPerStep,
    epochSeconds: (msPerStep * Math.floor(EPOCH_IMAGES / batch)) / 1000,
    rssBeforeMiB: rssBefore / 2 ** 20,
    peakRssMiB: peakRssMiB(),
    peakTensorMiB: peakBytes / 2 ** 20,
    firstLoss,
    lastLoss,
  };
}

// As a child process: `epoch.ts <framework> <model> <steps> [warmup]`.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.length >= 5) {
  const [framework, model, steps, warmup] = process.argv.slice(2) as [
    FrameworkName,
    ModelName,
    string,
    string?,
  ];
  if (!FRAMEWORKS.includes(framework)) throw new Error(`unknown framework ${framework}`);
  try {
    const result = await runEpoch(framework, model, Number(steps), 64, Number(warmup ?? 3));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (e) {
    // The parent reports a missing kernel as such; anything else fails the run there.
    process.stdout.write(`${JSON.stringify({ error: String((e as Error)?.message ?? e) })}\n`);
  }
}
