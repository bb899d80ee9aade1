import { add, InvalidArgumentError, mean, mul, sub } from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { checkOptions, lerp, parseRange } from './internal/options';
import { perSample } from './internal/per-sample';
import { uniforms } from './internal/random';
import type { Transform } from './transform';

/** Options of `randomContrast`. */
export interface RandomContrastOptions {
  /** Contrast factor `k`: `f ≥ 0` draws `k` from [1 - f, 1 + f], or a range `[min, max]` with min ≥ 0. */
  factor: number | readonly [number, number];
}

/**
 * Scales each image's deviation from its own per-channel mean by a random factor `k` (per
 * sample): `x' = m + k·(x - m)`, as `tf.image.adjust_contrast` and Keras' `RandomContrast`.
 * Computed as `x + (k - 1)·(x - m)`, so `k = 1` returns the pixels exactly.
 *
 * @example
 * const jittered = randomContrast({ factor: 0.3 }).apply(images);
 */
export function randomContrast(options: RandomContrastOptions): Transform {
  const name = 'randomContrast';
  checkOptions(name, options, true);
  const factor =
    typeof options?.factor === 'number'
      ? parseRange(name, 'factor', options.factor, { center: 1 })
      : parseRange(name, 'factor', options.factor, { required: true });
  if (factor[0] < 0)
    throw new InvalidArgumentError(name, `contrast factors must be >= 0, got [${factor[0]}, ${factor[1]}]`);
  return defineTransform({
    name,
    random: true,
    run: ({ images, n }) => {
      const u = uniforms(images.runtime, n);
      const k1 = perSample(
        images,
        u.map((v) => lerp(factor, v) - 1),
      );
      return { images: add(images, mul(sub(images, mean(images, [1, 2], true)), k1)) };
    },
  });
}
