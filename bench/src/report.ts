// `pnpm --filter @descent/bench report <run1.json> [run2.json]`: the markdown table of
// docs/performance.md from bench/results files, so the numbers there are copied by code.
import { readFileSync } from 'node:fs';
import { fmt, ratio } from './format';
import type { FrameworkName } from './frameworks';

interface Row {
  name: string;
  unit: string;
  values: Partial<Record<FrameworkName, number>>;
}

const runs = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')) as { rows: Row[] });
if (runs.length === 0) throw new Error('usage: report <results.json> [more.json ...]');

const better = (row: Row, ours: FrameworkName, other: FrameworkName) => {
  const r = ratio(row, other, ours);
  return r === undefined ? '—' : `${r.toFixed(2)}×`;
};
const all = (row: string, pick: (r: Row) => string) =>
  runs
    .map((run) => {
      const r = run.rows.find((x) => x.name === row);
      return r ? pick(r) : '—';
    })
    .join(' / ');

const cols: [string, (r: Row) => string][] = [
  ['descent', (r) => fmt(r.values.descent)],
  ['descent, threads', (r) => fmt(r.values['descent-threads'])],
  ['tfjs-wasm', (r) => fmt(r.values['tfjs-wasm'])],
  ['tfjs-cpu', (r) => fmt(r.values['tfjs-cpu'])],
  ['× vs wasm', (r) => better(r, 'descent', 'tfjs-wasm')],
  ['threads × vs wasm', (r) => better(r, 'descent-threads', 'tfjs-wasm')],
  ['× vs cpu', (r) => better(r, 'descent', 'tfjs-cpu')],
];
console.log(`| benchmark (median) | unit | ${cols.map(([c]) => c).join(' | ')} |`);
console.log(`|---|---|${cols.map(() => '---').join('|')}|`);
for (const row of runs[0]!.rows) {
  console.log(`| ${row.name} | ${row.unit} | ${cols.map(([, pick]) => all(row.name, pick)).join(' | ')} |`);
}
