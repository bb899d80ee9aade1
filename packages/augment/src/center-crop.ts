import { InvalidArgumentError } from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { checkOptions, parseNumber, parseSize } from './internal/options';
import { resampleWith } from './internal/resample';
import { roundHalfEven } from './internal/sampling';
import type { Transform } from './transform';

/** Options of `centerCrop`. */
export interface CenterCropOptions {
  /** [height, width] of the crop, or a number for a square. */
  size: number | readonly [number, number];
  /** What pads a crop larger than the image; default 0. */
  fillValue?: number;
}

/**
 * Cuts the central `size` window of every image, exactly as torchvision's `CenterCrop`: the
 * top offset is `round((h - ch) / 2)` (ties to even), and a crop larger than the image is
 * padded with `fillValue`. Deterministic: it also applies at evaluation.
 *
 * @example
 * const centre = centerCrop({ size: 24 }).apply(images);
 */
export function centerCrop(options: CenterCropOptions): Transform {
  const name = 'centerCrop';
  checkOptions(name, options, true);
  const size = parseSize(name, 'size', options?.size);
  if (!size) throw new InvalidArgumentError(name, 'expected a size: a number or [height, width]');
  const fillValue = parseNumber(name, 'fillValue', options.fillValue, 0);
  const offset = (len: number, crop: number) =>
    crop > len ? -Math.floor((crop - len) / 2) : roundHalfEven((len - crop) / 2);
  return defineTransform({
    name,
    random: false,
    run: ({ images, n, height, width }) => {
      const [ch, cw] = size;
      const row = [1, 0, offset(width, cw), 0, 1, offset(height, ch)];
      const m = new Float64Array(6 * n);
      for (let b = 0; b < n; b++) m.set(row, 6 * b);
      return {
        images: resampleWith(images, m, { outputShape: [ch, cw], interpolation: 'nearest', fillValue }),
      };
    },
  });
}
