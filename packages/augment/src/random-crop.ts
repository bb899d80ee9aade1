import { fmtShape, ShapeError } from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { checkOptions, parseChoice, parseNumber, parseSize } from './internal/options';
import { uniforms } from './internal/random';
import { resampleWith } from './internal/resample';
import { FILL_MODES, type FillMode } from './ops/affine-resample';
import type { Transform } from './transform';

/** Options of `randomCrop`. */
export interface RandomCropOptions {
  /** [height, width] of the crop (a number for a square); default the input's size. */
  size?: number | readonly [number, number];
  /** Pixels added on each side before cropping: a number, or [vertical, horizontal]. Default 0. */
  padding?: number | readonly [number, number];
  /**
   * What the padding holds: 'constant' (`fillValue`), 'nearest' (torchvision's 'edge'),
   * 'reflect' (torchvision's 'symmetric'), 'wrap'. Default 'constant'.
   */
  fillMode?: FillMode;
  /** Default 0. */
  fillValue?: number;
}

/**
 * Pads each image, then cuts a `size` window at a random whole-pixel offset (per sample), as
 * torchvision's `RandomCrop(size, padding)`: pixels are copied exactly.
 *
 * @example
 * const crops = randomCrop({ size: 28, padding: 4 }).apply(images); // CIFAR-style jitter
 */
export function randomCrop(options: RandomCropOptions = {}): Transform {
  const name = 'randomCrop';
  checkOptions(name, options);
  const size = parseSize(name, 'size', options.size);
  const padding = parseSize(name, 'padding', options.padding) ?? [0, 0];
  const fillMode = parseChoice(name, 'fillMode', options.fillMode, FILL_MODES, 'constant');
  const fillValue = parseNumber(name, 'fillValue', options.fillValue, 0);
  return defineTransform({
    name,
    random: true,
    run: ({ images, n, height, width }) => {
      const [ch, cw] = size ?? [height, width];
      const [py, px] = padding;
      const [spanY, spanX] = [height + 2 * py - ch, width + 2 * px - cw];
      if (spanY < 0 || spanX < 0)
        throw new ShapeError(
          name,
          `crop ${fmtShape([ch, cw])} is larger than the padded image ${fmtShape([height + 2 * py, width + 2 * px])}`,
        );
      const u = uniforms(images.runtime, 2 * n);
      const m = new Float64Array(6 * n);
      for (let b = 0; b < n; b++) {
        const oy = Math.min(spanY, Math.floor(u[2 * b]! * (spanY + 1)));
        const ox = Math.min(spanX, Math.floor(u[2 * b + 1]! * (spanX + 1)));
        m.set([1, 0, ox - px, 0, 1, oy - py], 6 * b);
      }
      return {
        images: resampleWith(images, m, {
          outputShape: [ch, cw],
          interpolation: 'nearest',
          fillMode,
          fillValue,
        }),
      };
    },
  });
}
