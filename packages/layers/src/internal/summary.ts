import type { SymbolicShape } from '../types';
import { kerasShape } from './shapes';

export interface SummaryRow {
  name: string;
  className: string;
  outputShape: SymbolicShape | undefined;
  params: number;
}

export interface SummaryTotals {
  total: number;
  trainable: number;
  nonTrainable: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Keras' readable sizes: `232.00 B`, `397.54 KB` (float32: 4 bytes per parameter). */
function bytes(params: number): string {
  let size = params * 4;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let u = 0;
  while (size >= 1024 && u < units.length - 1) {
    size /= 1024;
    u++;
  }
  return `${size.toFixed(2)} ${units[u]}`;
}

/** The text of `model.summary()`, laid out like Keras 2's. */
export function formatSummary(title: string, rows: readonly SummaryRow[], totals: SummaryTotals): string {
  const cells = rows.map((r) => [
    `${r.name} (${r.className})`,
    r.outputShape ? kerasShape(r.outputShape) : '?',
    count(r.params),
  ]);
  const header = ['Layer (type)', 'Output Shape', 'Param #'];
  const widths = [28, 26, 10].map((w, i) =>
    Math.max(w, header[i]!.length, ...cells.map((c) => c[i]!.length + 1)),
  );
  const line = (c: readonly string[]) => ` ${c.map((s, i) => s.padEnd(widths[i]!)).join('')}`.trimEnd();
  const width = 1 + widths.reduce((a, b) => a + b, 0);
  return [
    `Model: "${title}"`,
    '_'.repeat(width),
    line(header),
    '='.repeat(width),
    ...cells.map(line),
    '='.repeat(width),
    `Total params: ${count(totals.total)} (${bytes(totals.total)})`,
    `Trainable params: ${count(totals.trainable)} (${bytes(totals.trainable)})`,
    `Non-trainable params: ${count(totals.nonTrainable)} (${bytes(totals.nonTrainable)})`,
    '_'.repeat(width),
  ].join('\n');
}
