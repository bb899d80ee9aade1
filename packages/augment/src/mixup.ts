import { add, mul } from '@descent/core';
import { defineTransform } from './internal/define-transform';
import { byPartner, labelRows, partners } from './internal/labels';
import { checkOptions, parseNumber } from './internal/options';
import { perSample } from './internal/per-sample';
import { HostRandom } from './internal/random';
import type { Transform } from './transform';

/** Options of `mixup`. */
export interface MixupOptions {
  /** λ ~ Beta(alpha, alpha); default 0.2. 0 gives λ = 1 (no mixing). */
  alpha?: number;
  /** Number of classes, needed when labels are int32 class indices. */
  numClasses?: number;
}

/**
 * Mixup (Zhang et al., 2018): each image is blended with a partner from the same batch (a
 * seeded permutation), `x' = λ·x + (1 - λ)·x_partner` with λ ~ Beta(α, α) drawn per sample,
 * and its label row likewise, `y' = λ·y + (1 - λ)·y_partner`. Labels come back as float rows
 * `[n, classes]`. Needs labels: `apply({ images, labels })`.
 *
 * @example
 * const { images: x, labels: y } = mixup({ alpha: 0.4, numClasses: 10 }).apply({ images, labels });
 */
export function mixup(options: MixupOptions = {}): Transform {
  const name = 'mixup';
  checkOptions(name, options);
  const alpha = parseNumber(name, 'alpha', options.alpha, 0.2, { min: 0 });
  const numClasses =
    options.numClasses === undefined
      ? undefined
      : parseNumber(name, 'numClasses', options.numClasses, 0, { min: 1, integer: true });
  return defineTransform({
    name,
    random: true,
    usesLabels: true,
    run: ({ images, labels, n }) => {
      const y = labelRows(name, labels!, numClasses);
      const rng = new HostRandom(images.runtime);
      const lam = Float64Array.from({ length: n }, () => (alpha === 0 ? 1 : rng.beta(alpha, alpha)));
      const rest = lam.map((l) => 1 - l);
      const { index } = partners(images);
      const mix = (t: typeof images, shape: number[]) =>
        add(mul(t, perSample(images, lam, shape)), mul(byPartner(t, index), perSample(images, rest, shape)));
      return { images: mix(images, [n, 1, 1, 1]), labels: mix(y, [n, 1]) };
    },
  });
}
