// Number formatting and ratios shared by the live table (main.ts) and the markdown report.
import type { FrameworkName } from './frameworks';

/** One benchmark's medians per framework; higher is better for GFLOP/s, lower for the rest. */
export interface RowValues {
  readonly unit: string;
  readonly values: Partial<Record<FrameworkName, number>>;
}

/** Three significant figures or so; '—' for no number. */
export const fmt = (v: number | undefined): string =>
  v === undefined
    ? '—'
    : v >= 100
      ? v.toFixed(0)
      : v >= 10
        ? v.toFixed(1)
        : v >= 1
          ? v.toFixed(2)
          : v.toPrecision(2);

/** How many times better `ours` is than `other` (>1: descent wins), in the row's sense of better. */
export function ratio(
  row: RowValues,
  other: FrameworkName,
  ours: FrameworkName = 'descent',
): number | undefined {
  const d = row.values[ours];
  const o = row.values[other];
  if (d === undefined || o === undefined) return undefined;
  return row.unit === 'GFLOP/s' ? d / o : o / d;
}
