import type { Transform } from '../transform';
import { defineTransform } from './define-transform';
import { checkOptions, parseNumber } from './options';
import { uniforms } from './random';
import { resampleWith } from './resample';

/** The horizontal and vertical flips: a mirror matrix for the drawn samples, identity for the rest. */
export function randomFlip(
  name: string,
  axis: 'horizontal' | 'vertical',
  options: { p?: number },
): Transform {
  checkOptions(name, options);
  const p = parseNumber(name, 'p', options?.p, 0.5, { min: 0, max: 1 });
  return defineTransform({
    name,
    random: true,
    run: ({ images, n, height, width }) => {
      const u = uniforms(images.runtime, n);
      const m = new Float64Array(6 * n);
      for (let b = 0; b < n; b++) {
        const row = [1, 0, 0, 0, 1, 0];
        if (u[b]! < p && axis === 'horizontal') [row[0], row[2]] = [-1, width - 1];
        if (u[b]! < p && axis === 'vertical') [row[4], row[5]] = [-1, height - 1];
        m.set(row, 6 * b);
      }
      return { images: resampleWith(images, m, { interpolation: 'nearest' }) };
    },
  });
}
