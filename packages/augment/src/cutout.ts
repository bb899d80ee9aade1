import { InvalidArgumentError, where } from '@descent/core';
import { boxMask, clampedBox } from './internal/box-mask';
import { defineTransform } from './internal/define-transform';
import { checkOptions, parseNumber, parseSize } from './internal/options';
import { HostRandom } from './internal/random';
import type { Transform } from './transform';

/** Options of `cutout`. */
export interface CutoutOptions {
  /** [height, width] of the hole in pixels, or a number for a square. */
  size: number | readonly [number, number];
  /** What fills the hole; default 0. */
  value?: number;
}

/**
 * Cutout (DeVries & Taylor, 2017): sets a `size` box centred on a random pixel of each image
 * (per sample) to `value`; the box is clipped where it crosses the border.
 *
 * @example
 * const holed = cutout({ size: 8 }).apply(images);
 */
export function cutout(options: CutoutOptions): Transform {
  const name = 'cutout';
  checkOptions(name, options, true);
  const size = parseSize(name, 'size', options?.size);
  if (!size) throw new InvalidArgumentError(name, 'expected a size: a number or [height, width]');
  const value = parseNumber(name, 'value', options.value, 0);
  return defineTransform({
    name,
    random: true,
    run: ({ images, n, height, width }) => {
      const rng = new HostRandom(images.runtime);
      const boxes = new Float64Array(4 * n);
      for (let b = 0; b < n; b++)
        boxes.set(clampedBox([rng.int(height), rng.int(width)], size, [height, width]), 4 * b);
      return { images: where(boxMask(images, boxes), value, images) };
    },
  });
}
