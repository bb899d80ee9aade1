import { InvalidArgumentError } from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { checkOptions, parseChoice, parseSize } from './internal/options';
import { resampleWith } from './internal/resample';
import { type AffineResampleOptions, INTERPOLATIONS, type Interpolation } from './ops/affine-resample';
import type { Transform } from './transform';

/** Options of `resize`. */
export interface ResizeOptions {
  /** [height, width] of the output, or a number for a square. */
  size: number | readonly [number, number];
  /** Default 'bilinear'. */
  interpolation?: Interpolation;
}

/**
 * Resizes every image to `size` with half-pixel centres: output pixel `x` reads input
 * `(x + 0.5) · w / ow - 0.5`, clamped at the edges. Bilinear equals PyTorch's
 * `interpolate(mode='bilinear', align_corners=False)` (torchvision's `Resize` without
 * antialiasing) and TF's `resize`; nearest equals PyTorch's `nearest-exact`. No antialiasing:
 * shrink by large factors in steps. Deterministic: it also applies at evaluation.
 *
 * @example
 * const big = resize({ size: [56, 56] }).apply(images);
 */
export function resize(options: ResizeOptions): Transform {
  const name = 'resize';
  checkOptions(name, options, true);
  const size = parseSize(name, 'size', options?.size);
  if (!size) throw new InvalidArgumentError(name, 'expected a size: a number or [height, width]');
  const interpolation = parseChoice(name, 'interpolation', options.interpolation, INTERPOLATIONS, 'bilinear');
  return defineTransform({
    name,
    random: false,
    run: ({ images, n, height, width }) => {
      const [oh, ow] = size;
      const [sx, sy] = [width / ow, height / oh];
      const row = [sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5];
      const m = new Float64Array(6 * n);
      for (let b = 0; b < n; b++) m.set(row, 6 * b);
      const opts: AffineResampleOptions = { outputShape: [oh, ow], interpolation, fillMode: 'nearest' };
      return { images: resampleWith(images, m, opts) };
    },
  });
}
