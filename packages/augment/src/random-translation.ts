import { affineMatrix } from './affine-matrix';
import { defineTransform } from './internal/define-transform';
import { parseSampling, type SamplingOptions } from './internal/geometry';
import { checkOptions, lerp, parseRange } from './internal/options';
import { uniforms } from './internal/random';
import { resampleWith } from './internal/resample';
import type { Transform } from './transform';

export interface RandomTranslationOptions extends SamplingOptions {
  /** Vertical shift as a fraction of the height: `f ≥ 0` draws from [-f, f], or `[min, max]`; positive moves down. */
  heightFactor?: number | readonly [number, number];
  /** Horizontal shift as a fraction of the width; positive moves right. */
  widthFactor?: number | readonly [number, number];
  /**
   * Shift by fractions of a pixel (interpolated) instead of rounding to whole pixels. Default
   * false: whole-pixel shifts copy pixels exactly, as torchvision's `RandomAffine` does.
   */
  subpixel?: boolean;
}

/**
 * Shifts each image by a random offset (per sample) drawn from fractions of its size, as
 * Keras' `RandomTranslation`; uncovered pixels come from `fillMode` (default constant 0).
 *
 * @example
 * const shifted = randomTranslation({ heightFactor: 0.1, widthFactor: 0.1 }).apply(images);
 */
export function randomTranslation(options: RandomTranslationOptions = {}): Transform {
  const name = 'randomTranslation';
  checkOptions(name, options);
  const hf = parseRange(name, 'heightFactor', options.heightFactor);
  const wf = parseRange(name, 'widthFactor', options.widthFactor);
  const sampling = parseSampling(name, options);
  const subpixel = options.subpixel ?? false;
  return defineTransform({
    name,
    random: true,
    run: ({ images, n, height, width }) => {
      const u = uniforms(images.runtime, 2 * n);
      const m = new Float64Array(6 * n);
      const shift = (v: number) => (subpixel ? v : Math.round(v));
      for (let b = 0; b < n; b++) {
        const translate = [
          shift(lerp(wf, u[2 * b]!) * width),
          shift(lerp(hf, u[2 * b + 1]!) * height),
        ] as const;
        m.set(affineMatrix({ translate }, [height, width]), 6 * b);
      }
      return { images: resampleWith(images, m, sampling) };
    },
  });
}
