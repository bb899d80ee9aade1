import { affineMatrix } from './affine-matrix';
import { defineTransform } from './internal/define-transform';
import { parseSampling, type SamplingOptions } from './internal/geometry';
import { checkOptions, lerp, parseRange } from './internal/options';
import { uniforms } from './internal/random';
import { resampleWith } from './internal/resample';
import type { Transform } from './transform';

export interface RandomRotationOptions extends SamplingOptions {
  /** Degrees, counter-clockwise: `d ≥ 0` draws from [-d, d], or a range `[min, max]`. */
  degrees: number | readonly [number, number];
}

/**
 * Rotates each image about its centre by an angle drawn uniformly from `degrees` (per sample),
 * counter-clockwise for positive angles as torchvision's `RandomRotation` and Keras'. The
 * output has the input's size; corners come from `fillMode` (default constant 0).
 *
 * @example
 * const rotated = randomRotation({ degrees: 15 }).apply(images);
 * randomRotation({ degrees: [90, 90], interpolation: 'nearest' }); // an exact quarter turn
 */
export function randomRotation(options: RandomRotationOptions): Transform {
  const name = 'randomRotation';
  checkOptions(name, options, true);
  const degrees = parseRange(name, 'degrees', options.degrees, { required: true });
  const sampling = parseSampling(name, options);
  return defineTransform({
    name,
    random: true,
    run: ({ images, n, height, width }) => {
      const u = uniforms(images.runtime, n);
      const m = new Float64Array(6 * n);
      for (let b = 0; b < n; b++)
        m.set(affineMatrix({ rotation: lerp(degrees, u[b]!) }, [height, width]), 6 * b);
      return { images: resampleWith(images, m, sampling) };
    },
  });
}
