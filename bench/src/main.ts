// `pnpm bench`: descent's CPU backend and TF.js 4.22 (cpu and wasm backends) side by side in one
// run. Prints a table of medians and ratios and writes bench/results/<date>.json.
// `--quick` (or BENCH_QUICK=1) runs every benchmark once at toy sizes: a check that they work.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EpochResult, runEpoch } from './epoch';
import { fmt, ratio } from './format';
import {
  type ConvCase,
  descentFramework,
  FRAMEWORKS,
  type Framework,
  type FrameworkName,
  tfjs,
  tfjsFramework,
} from './frameworks';
import { checkWasmConv2DBackpropFilter } from './tfjs-wasm-conv-filter-grad';
import { median, type Repeat, timeRuns } from './timing';
import type { ModelName } from './train';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ONLY?.split(',');
const here = dirname(fileURLToPath(import.meta.url));

interface Row {
  group: string;
  name: string;
  unit: 'GFLOP/s' | 'ms' | 's/epoch' | 'MiB';
  /** Higher is better for GFLOP/s, lower for the rest. */
  values: Partial<Record<FrameworkName, number>>;
  samples: Partial<Record<FrameworkName, number[]>>;
  note?: string;
}

const rows: Row[] = [];
const wanted = (group: string) => !only || only.includes(group);

async function frameworks(): Promise<Framework[]> {
  // TF.js keeps one global engine: each framework object is used while its backend is current.
  return [
    descentFramework(),
    descentFramework(true),
    await tfjsFramework('wasm'),
    await tfjsFramework('cpu'),
  ];
}

async function micro(): Promise<void> {
  const fws = await frameworks();
  const use = async (fw: Framework) => {
    if (!fw.name.startsWith('descent')) await tfjsFramework(fw.name === 'tfjs-cpu' ? 'cpu' : 'wasm');
    return fw;
  };
  if (wanted('matmul')) {
    const sizes = quick ? [32] : [256, 512, 1024];
    const variants: [string, boolean, boolean][] = [
      ['A·B', false, false],
      ['A·Bᵀ (dA)', false, true],
      ['Aᵀ·B (dB)', true, false],
    ];
    const shapes: [string, number, number, number][] = sizes.map((s) => [`${s}³`, s, s, s]);
    // The MLP's own products (batch 64): forward 64×784·784×128 and its two backward shapes.
    shapes.push(['64×784×128', 64, 784, 128]);
    for (const [label, m, k, n] of shapes) {
      for (const [vname, ta, tb] of variants) {
        const row: Row = {
          group: 'matmul',
          name: `matmul ${label} ${vname}`,
          unit: 'GFLOP/s',
          values: {},
          samples: {},
        };
        for (const fw of fws) {
          await use(fw);
          const p = fw.matmul(m, k, n, ta, tb);
          const heavy = fw.name === 'tfjs-cpu' && m * k * n >= 512 ** 3;
          const ms = timeRuns(p.run, repeat(heavy ? 2 : 5, 3000));
          p.dispose();
          row.samples[fw.name] = ms;
          row.values[fw.name] = (2 * m * k * n) / (median(ms) / 1000) / 1e9;
        }
        push(row);
      }
    }
  }
  if (wanted('conv')) {
    const batch = quick ? 1 : 64;
    const cases: [string, ConvCase][] = [
      [`${batch}×28×28×1 ⋆ 3×3×1×32`, { x: [batch, 28, 28, 1], f: [3, 3, 1, 32] }],
      [`${batch}×14×14×32 ⋆ 3×3×32×64`, { x: [batch, 14, 14, 32], f: [3, 3, 32, 64] }],
    ];
    for (const [label, c] of cases) {
      for (const backward of [false, true]) {
        const row: Row = {
          group: 'conv',
          name: `conv2d ${label} ${backward ? 'fwd+bwd' : 'fwd'}`,
          unit: 'ms',
          values: {},
          samples: {},
        };
        for (const fw of fws) {
          await use(fw);
          const p = fw.conv(c, backward);
          // TF.js's cpu backward convolutions take up to minutes: one timed run, no warm-up.
          const slow = fw.name === 'tfjs-cpu' && backward;
          try {
            const ms = timeRuns(
              p.run,
              slow ? { ...repeat(1, 0), noWarmup: true } : repeat(fw.name === 'tfjs-cpu' ? 2 : 5, 3000),
            );
            row.samples[fw.name] = ms;
            row.values[fw.name] = median(ms);
          } catch (e) {
            unsupported(row, fw.name, e);
          } finally {
            p.dispose();
          }
        }
        push(row);
      }
    }
  }
}

function repeat(minReps: number, budgetMs: number): Repeat {
  return quick ? { minReps: 1, maxReps: 1, budgetMs: 0 } : { minReps, maxReps: 30, budgetMs };
}

/** Runs of each epoch benchmark, each in a fresh process; the table shows their median. */
const EPOCH_RUNS = quick ? 1 : 3;

/** Steps timed per epoch benchmark; a full epoch is 937 steps of 64. */
function stepsFor(fw: FrameworkName, model: ModelName): number {
  if (quick) return 1;
  const env = process.env.BENCH_STEPS;
  if (env) return Number(env);
  if (model === 'mlp') return fw === 'tfjs-cpu' ? 200 : 937;
  // TF.js's cpu backend takes seconds per CNN step.
  return fw === 'tfjs-cpu' ? 3 : 300;
}

function warmupFor(fw: FrameworkName, model: ModelName): number {
  return fw === 'tfjs-cpu' && model === 'cnn' ? 1 : 3;
}

async function epochs(): Promise<EpochResult[]> {
  const results: EpochResult[] = [];
  for (const model of ['mlp', 'cnn'] as const) {
    if (!wanted(model)) continue;
    const time: Row = {
      group: model,
      name: `${model.toUpperCase()} MNIST epoch (batch 64, Adam)`,
      unit: 's/epoch',
      values: {},
      samples: {},
    };
    const mem: Row = {
      group: model,
      name: `${model.toUpperCase()} epoch peak RSS`,
      unit: 'MiB',
      values: {},
      samples: {},
    };
    const runs = new Map<FrameworkName, EpochResult[]>();
    // Frameworks take turns run after run, so a slow spell of the machine falls on all of them.
    for (let run = 0; run < EPOCH_RUNS; run++) {
      for (const fw of FRAMEWORKS) {
        if (run > 0 && !runs.has(fw)) continue;
        // In quick mode in this process; otherwise a fresh process per run, for its peak memory.
        let r: EpochResult;
        try {
          r = quick
            ? await runEpoch(fw, model, stepsFor(fw, model), 2, 1)
            : child(fw, model, stepsFor(fw, model), warmupFor(fw, model));
        } catch (e) {
          unsupported(time, fw, e);
          continue;
        }
        if (!Number.isFinite(r.lastLoss)) throw new Error(`${fw} ${model}: the loss is ${r.lastLoss}`);
        results.push(r);
        runs.set(fw, [...(runs.get(fw) ?? []), r]);
      }
    }
    for (const [fw, rs] of runs) {
      time.values[fw] = median(rs.map((r) => r.epochSeconds));
      time.samples[fw] = rs.map((r) => r.msPerStep);
      mem.values[fw] = median(rs.map((r) => r.peakRssMiB));
    }
    const steps = [...runs.keys()].map((fw) => `${fw} ${stepsFor(fw, model)}`);
    time.note = [
      time.note,
      `median of ${EPOCH_RUNS} runs; steps timed: ${steps.join(', ')} of 937 (the rest extrapolated)`,
    ]
      .filter(Boolean)
      .join('; ');
    mem.note = `whole Node process running only that epoch, median of ${EPOCH_RUNS} runs`;
    push(time);
    push(mem);
  }
  return results;
}

/** A framework that lacks a kernel the benchmark needs gets no number, and the row says why. */
function unsupported(row: Row, fw: FrameworkName, e: unknown): void {
  const message = String((e as Error)?.message ?? e);
  const missing = /Kernel '(\w+)' not registered for backend '(\w+)'/.exec(message);
  if (!missing) throw e;
  const note = `${fw}: no ${missing[1]} kernel in TF.js's ${missing[2]} backend`;
  row.note = row.note ? `${row.note}; ${note}` : note;
}

function child(fw: FrameworkName, model: ModelName, steps: number, warmup: number): EpochResult {
  const args = ['--import', 'tsx', join(here, 'epoch.ts'), fw, model, String(steps), String(warmup)];
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  const result = JSON.parse(out.trim().split('\n').pop()!) as EpochResult | { error: string };
  if ('error' in result) throw new Error(result.error);
  return result;
}

function push(row: Row): void {
  rows.push(row);
  if (!quick) printRow(row);
}

let headerPrinted = false;
function printRow(row: Row): void {
  const cols = [46, 8, 9, 10, 10, 9, 10, 12, 10];
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(cols[i]!) : c.padStart(cols[i]!))).join(' '));
  if (!headerPrinted) {
    line([
      'benchmark (median)',
      'unit',
      'descent',
      'threads',
      'tfjs-wasm',
      'tfjs-cpu',
      '× wasm',
      'thr × wasm',
      '× cpu',
    ]);
    headerPrinted = true;
  }
  const r = (o: FrameworkName, ours?: FrameworkName) => {
    const x = ratio(row, o, ours);
    return x === undefined ? '—' : `${x.toFixed(2)}×`;
  };
  line([
    row.name,
    row.unit,
    fmt(row.values.descent),
    fmt(row.values['descent-threads']),
    fmt(row.values['tfjs-wasm']),
    fmt(row.values['tfjs-cpu']),
    r('tfjs-wasm'),
    r('tfjs-wasm', 'descent-threads'),
    r('tfjs-cpu'),
  ]);
  if (row.note) console.log(`  (${row.note})`);
}

const started = performance.now();
if (!quick) {
  console.log(
    `descent vs TF.js 4.22 — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `descent on one thread, and with GEMM threads on all ${cpus().length} cores (cpuThreads); TF.js wasm runs one thread in Node`,
  );
  console.log('ratios: how many times faster (or smaller) descent is; > 1 means descent wins\n');
}
if (quick || wanted('conv') || wanted('cnn')) {
  // The wasm conv2d filter gradient is the bench's own (see tfjs-wasm-conv-filter-grad.ts): check it first.
  const err = await checkWasmConv2DBackpropFilter(await tfjs('wasm'));
  console.log(
    `TF.js wasm Conv2DBackpropFilter (bench's, from conv2d): max relative error ${err.toExponential(2)} vs the cpu backend's${quick ? '' : '\n'}`,
  );
}
await micro();
const epochResults = await epochs();
const seconds = (performance.now() - started) / 1000;
if (quick) {
  console.log(
    `bench --quick: ${rows.length} benchmarks ran on ${FRAMEWORKS.join(', ')} in ${seconds.toFixed(1)} s`,
  );
} else {
  const dir = join(here, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memGiB: totalmem() / 2 ** 30,
    node: process.version,
  };
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine, loadavgEnd: loadavg(), seconds, rows, epochs: epochResults }, null, 2)}\n`,
  );
  console.log(
    `\n${seconds.toFixed(0)} s; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; wrote ${file}`,
  );
}
