import { add, clip } from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { checkOptions, lerp, parseRange } from './internal/options';
import { perSample } from './internal/per-sample';
import { uniforms } from './internal/random';
import type { Transform } from './transform';

/** Options of `randomBrightness`. */
export interface RandomBrightnessOptions {
  /** Added to every pixel of a sample: `d ≥ 0` draws from [-d, d], or a range `[min, max]`. */
  delta: number | readonly [number, number];
  /** Clip the result to [min, max] (e.g. [0, 1]); default no clipping. */
  valueRange?: readonly [number, number];
}

/**
 * Adds a random offset to each image (per sample), as `tf.image.random_brightness`, then clips
 * to `valueRange` if given.
 *
 * @example
 * const brighter = randomBrightness({ delta: 0.2, valueRange: [0, 1] }).apply(images);
 */
export function randomBrightness(options: RandomBrightnessOptions): Transform {
  const name = 'randomBrightness';
  checkOptions(name, options, true);
  const delta = parseRange(name, 'delta', options.delta, { required: true });
  const range =
    options.valueRange === undefined ? undefined : parseRange(name, 'valueRange', options.valueRange);
  return defineTransform({
    name,
    random: true,
    run: ({ images, n }) => {
      const u = uniforms(images.runtime, n);
      const shifted = add(
        images,
        perSample(
          images,
          u.map((v) => lerp(delta, v)),
        ),
      );
      return { images: range ? clip(shifted, range[0], range[1]) : shifted };
    },
  });
}
