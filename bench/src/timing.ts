/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Repeat {
  /** Runs always timed (after one untimed warm-up run). */
  minReps: number;
  /** Stop adding runs past this many... */
  maxReps: number;
  /** ...or once the timed runs took this long in all. */
  budgetMs: number;
  /** Skip the untimed warm-up run (for runs that take many seconds). */
  noWarmup?: boolean;
}

/** Wall-clock milliseconds of each timed run of `fn` (which must finish its work synchronously). */
export function timeRuns(fn: () => void, { minReps, maxReps, budgetMs, noWarmup }: Repeat): number[] {
  if (!noWarmup) fn();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < minReps || (samples.length < maxReps && spent < budgetMs)) {
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    samples.push(ms);
    spent += ms;
  }
  return samples;
}

/** A seeded generator (mulberry32) of floats in [0, 1), so every framework gets the same inputs. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `n` seeded floats in [-1, 1). */
export function randomArray(n: number, seed: number): Float32Array {
  const next = seeded(seed);
  return Float32Array.from({ length: n }, () => next() * 2 - 1);
}
