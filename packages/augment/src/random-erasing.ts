import { where } from '@descent/core';
import { boxMask } from './internal/box-mask';
import { defineTransform } from './internal/define-transform';
import { checkOptions, lerp, parseNumber, parseRange } from './internal/options';
import { HostRandom } from './internal/random';
import type { Transform } from './transform';

/** Options of `randomErasing`. */
export interface RandomErasingOptions {
  /** Area of the box as a fraction of the image, drawn from this range; default [0.02, 0.33]. */
  scale?: readonly [number, number];
  /** Aspect ratio (height / width), drawn log-uniformly from this range; default [0.3, 3.3]. */
  ratio?: readonly [number, number];
  /** What fills the box; default 0. */
  value?: number;
}

/**
 * Random erasing (Zhong et al., 2017), as torchvision's `RandomErasing` with `p = 1` (use
 * `compose` for a probability): each image gets a box of random area and aspect ratio at a
 * random place, set to `value`. A box that does not fit is redrawn up to 10 times, after which
 * the image is left as is.
 *
 * @example
 * const erased = randomErasing({ scale: [0.02, 0.2] }).apply(images);
 */
export function randomErasing(options: RandomErasingOptions = {}): Transform {
  const name = 'randomErasing';
  checkOptions(name, options);
  const scale = parseRange(name, 'scale', options.scale ?? [0.02, 0.33], { min: 0, max: 1 });
  const ratio = parseRange(name, 'ratio', options.ratio ?? [0.3, 3.3], { min: Number.MIN_VALUE });
  const value = parseNumber(name, 'value', options.value, 0);
  const logRatio = [Math.log(ratio[0]), Math.log(ratio[1])] as const;
  return defineTransform({
    name,
    random: true,
    run: ({ images, n, height, width }) => {
      const rng = new HostRandom(images.runtime);
      const boxes = new Float64Array(4 * n);
      for (let b = 0; b < n; b++) {
        for (let attempt = 0; attempt < 10; attempt++) {
          const area = height * width * lerp(scale, rng.uniform());
          const aspect = Math.exp(lerp(logRatio, rng.uniform()));
          const bh = Math.round(Math.sqrt(area * aspect));
          const bw = Math.round(Math.sqrt(area / aspect));
          if (bh >= height || bw >= width) continue;
          const y0 = rng.int(height - bh + 1);
          const x0 = rng.int(width - bw + 1);
          boxes.set([y0, y0 + bh, x0, x0 + bw], 4 * b);
          break;
        }
      }
      return { images: where(boxMask(images, boxes), value, images) };
    },
  });
}
