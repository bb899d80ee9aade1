import { InvalidArgumentError } from '@descent/core';
import type { Schedule } from '../gradient-transform';
import { num } from '../internal/schedule-options';

/** Options of `cosineDecay`. */
export interface CosineDecayOptions {
  /** The value at step 0 (the peak). */
  initValue: number;
  /** Length of the (first) cosine period in steps. */
  decaySteps: number;
  /** The minimum as a fraction of `initValue`. Default 0. */
  alpha?: number;
  /**
   * Warm restarts (SGDR, Loshchilov & Hutter 2017): after each period start again from the top.
   * Each period is `periodMultiplier` times longer (default 1) and its peak `peakMultiplier` times
   * the last (default 1).
   */
  restarts?: {
    /** Each period is this many times longer than the last (default 1). */
    periodMultiplier?: number;
    /** Each peak is this many times the last (default 1). */
    peakMultiplier?: number;
  };
}

/**
 * Cosine decay from `initValue` to `alpha · initValue` over `decaySteps` steps, then constant:
 * `initValue · ((1-α) · ½(1 + cos(π·t/decaySteps)) + α)` (PyTorch's `CosineAnnealingLR` with
 * `eta_min = α·initValue` up to `T_max`, Optax's `cosine_decay_schedule`). With `restarts`, the
 * cosine starts over at the end of each period (PyTorch's `CosineAnnealingWarmRestarts`, Keras'
 * `CosineDecayRestarts`).
 *
 * @example
 * cosineDecay({ initValue: 0.1, decaySteps: 100 })(50); // 0.05
 * cosineDecay({ initValue: 0.1, decaySteps: 10, restarts: { periodMultiplier: 2 } })(10); // 0.1 again
 */
export function cosineDecay(options: CosineDecayOptions): Schedule {
  const name = 'cosineDecay';
  const init = num(name, 'initValue', options?.initValue);
  const period = num(name, 'decaySteps', options.decaySteps, 'positive');
  const alpha = num(name, 'alpha', options.alpha ?? 0, 'closedUnit');
  const restarts = options.restarts;
  const tMul = num(name, 'restarts.periodMultiplier', restarts?.periodMultiplier ?? 1, 'positive');
  const mMul = num(name, 'restarts.peakMultiplier', restarts?.peakMultiplier ?? 1, 'nonNegative');
  if (tMul < 1) {
    throw new InvalidArgumentError(
      name,
      `option "restarts.periodMultiplier" must be at least 1, got ${tMul}`,
    );
  }
  const shape = (frac: number) => (1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * frac)) + alpha;
  return (step) => {
    const s = Math.max(0, step);
    if (!restarts) return init * shape(Math.min(s, period) / period);
    let start = 0;
    let length = period;
    let i = 0;
    if (tMul === 1) {
      i = Math.floor(s / period);
      start = i * period;
    } else {
      while (s >= start + length) {
        start += length;
        length *= tMul;
        i++;
      }
    }
    return init * mMul ** i * shape((s - start) / length);
  };
}
