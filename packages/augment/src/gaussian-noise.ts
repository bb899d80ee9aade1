import { add, mul, randomNormal } from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { checkOptions, lerp, parseNumber, parseRange } from './internal/options';
import { perSample } from './internal/per-sample';
import { uniforms } from './internal/random';
import type { Transform } from './transform';

/** Options of `gaussianNoise`. */
export interface GaussianNoiseOptions {
  /** Standard deviation: a number, or a range `[min, max]` drawn per sample; must be ≥ 0. */
  std: number | readonly [number, number];
  /** Mean of the noise; default 0. */
  mean?: number;
}

/**
 * Adds independent normal noise to every pixel, its standard deviation fixed or drawn per
 * sample; the noise comes from the runtime's seeded stream on the images' backend.
 *
 * @example
 * const noisy = gaussianNoise({ std: 0.1 }).apply(images);
 */
export function gaussianNoise(options: GaussianNoiseOptions): Transform {
  const name = 'gaussianNoise';
  checkOptions(name, options, true);
  const std =
    typeof options?.std === 'number'
      ? parseRange(name, 'std', [options.std, options.std], { min: 0 })
      : parseRange(name, 'std', options.std, { min: 0, required: true });
  const mean = parseNumber(name, 'mean', options.mean, 0);
  return defineTransform({
    name,
    random: true,
    run: ({ images, n }) => {
      const rt = images.runtime;
      const u = uniforms(rt, n);
      const noise = randomNormal(rt, images.shape, { backend: images.backendName });
      const scaled = add(
        mul(
          noise,
          perSample(
            images,
            u.map((v) => lerp(std, v)),
          ),
        ),
        mean,
      );
      return { images: add(images, scaled) };
    },
  });
}
