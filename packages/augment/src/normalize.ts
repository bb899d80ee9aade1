import { div, InvalidArgumentError, ShapeError, sub } from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { checkOptions } from './internal/options';
import type { Transform } from './transform';

/** Options of `normalize`. */
export interface NormalizeOptions {
  /** Per-channel means (one per channel), or one number for all channels. */
  mean: number | readonly number[];
  /** Per-channel standard deviations (> 0), or one number for all channels. */
  std: number | readonly number[];
}

/**
 * `(x - mean) / std` per channel, as torchvision's `Normalize`. The number of means and stds
 * must match the batch's channel count (or be 1). Deterministic: it also applies at evaluation.
 *
 * @example
 * const x = normalize({ mean: [0.1307], std: [0.3081] }).apply(mnistImages);
 */
export function normalize(options: NormalizeOptions): Transform {
  const name = 'normalize';
  checkOptions(name, options, true);
  const list = (what: string, v: unknown): number[] => {
    const values = typeof v === 'number' ? [v] : v;
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((x) => typeof x === 'number' && Number.isFinite(x))
    )
      throw new InvalidArgumentError(
        name,
        `expected ${what} to be a finite number or a non-empty array of them, got ${JSON.stringify(v)}`,
      );
    return values;
  };
  const mean = list('mean', options?.mean);
  const std = list('std', options?.std);
  if (!std.every((s) => s > 0))
    throw new InvalidArgumentError(name, `expected every std > 0, got [${std.join(', ')}]`);
  return defineTransform({
    name,
    random: false,
    run: ({ images, channels }) => {
      for (const [what, v] of [
        ['mean', mean],
        ['std', std],
      ] as const) {
        if (v.length !== 1 && v.length !== channels)
          throw new ShapeError(
            name,
            `${what} has ${v.length} values but the batch has ${channels} channel${channels === 1 ? '' : 's'}`,
          );
      }
      const rt = images.runtime;
      const on = { backend: images.backendName };
      const m = rt.tensor(Float64Array.from(mean), [mean.length], 'float32', on);
      const s = rt.tensor(Float64Array.from(std), [std.length], 'float32', on);
      return { images: div(sub(images, m), s) };
    },
  });
}
