import { describeValue, InvalidArgumentError } from '@descent/core';

/** 'min' or 'max' for a monitored log; 'auto' is 'max' for accuracies and the like, as in Keras. */
export function monitorMode(
  op: string,
  monitor: string,
  mode: 'auto' | 'min' | 'max' | undefined,
): 'min' | 'max' {
  if (typeof monitor !== 'string' || monitor === '')
    throw new InvalidArgumentError(
      op,
      `expected monitor to be the name of a logged value, got ${describeValue(monitor)}`,
    );
  const m = mode ?? 'auto';
  if (m !== 'auto' && m !== 'min' && m !== 'max')
    throw new InvalidArgumentError(op, `mode must be 'auto', 'min' or 'max', got ${JSON.stringify(mode)}`);
  if (m !== 'auto') return m;
  return /acc|auc|precision|recall|f1/i.test(monitor) ? 'max' : 'min';
}

/** Whether `current` beats `best` by more than `minDelta` in that direction. */
export function improves(mode: 'min' | 'max', current: number, best: number, minDelta = 0): boolean {
  return mode === 'min' ? current < best - minDelta : current > best + minDelta;
}

export function fmt(v: number | undefined): string {
  if (v === undefined) return '-';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-2 || a >= 1e5) ? v.toExponential(3) : v.toFixed(4);
}
