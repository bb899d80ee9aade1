import { InvalidArgumentError } from '@descent/core';
import { affineMatrix } from './affine-matrix';
import { defineTransform } from './internal/define-transform';
import { parseSampling, type SamplingOptions } from './internal/geometry';
import { checkOptions, lerp, parseRange } from './internal/options';
import { uniforms } from './internal/random';
import { resampleWith } from './internal/resample';
import type { Transform } from './transform';

export interface RandomZoomOptions extends SamplingOptions {
  /**
   * Zoom `z`, scale `1 + z`: positive zooms in (magnifies, like torchvision's scale > 1),
   * negative zooms out. `f ≥ 0` draws from [-f, f], or a range `[min, max]` with min > -1.
   */
  factor: number | readonly [number, number];
  /** A separate zoom range for the width; by default both axes share one draw (aspect kept). */
  widthFactor?: number | readonly [number, number];
}

/**
 * Zooms each image about its centre by a random factor (per sample): torchvision's
 * `RandomAffine(scale=…)` with scale `1 + z`; Keras' `RandomZoom` with the opposite sign.
 *
 * @example
 * const zoomed = randomZoom({ factor: 0.2 }).apply(images); // scales in [0.8, 1.2]
 */
export function randomZoom(options: RandomZoomOptions): Transform {
  const name = 'randomZoom';
  checkOptions(name, options, true);
  const factor = parseRange(name, 'factor', options.factor, { required: true });
  const widthFactor =
    options.widthFactor === undefined ? undefined : parseRange(name, 'widthFactor', options.widthFactor);
  for (const r of [factor, widthFactor ?? factor]) {
    if (r[0] <= -1)
      throw new InvalidArgumentError(
        name,
        `zoom factors must be > -1 (scale 1 + z > 0), got [${r[0]}, ${r[1]}]`,
      );
  }
  const sampling = parseSampling(name, options);
  return defineTransform({
    name,
    random: true,
    run: ({ images, n, height, width }) => {
      const u = uniforms(images.runtime, 2 * n);
      const m = new Float64Array(6 * n);
      for (let b = 0; b < n; b++) {
        const sy = 1 + lerp(factor, u[2 * b]!);
        const sx = widthFactor ? 1 + lerp(widthFactor, u[2 * b + 1]!) : sy;
        m.set(affineMatrix({ scale: [sx, sy] }, [height, width]), 6 * b);
      }
      return { images: resampleWith(images, m, sampling) };
    },
  });
}
