import { add, mul, where } from '@descent/core';
import { boxMask, clampedBox } from './internal/box-mask';
import { defineTransform } from './internal/define-transform';
import { byPartner, labelRows, partners } from './internal/labels';
import { checkOptions, parseNumber } from './internal/options';
import { perSample } from './internal/per-sample';
import { HostRandom } from './internal/random';
import type { Transform } from './transform';

/** Options of `cutmix`. */
export interface CutmixOptions {
  /** λ ~ Beta(alpha, alpha) sets the box area `(1 - λ)·h·w`; default 1. 0 gives no box. */
  alpha?: number;
  /** Number of classes, needed when labels are int32 class indices. */
  numClasses?: number;
}

/**
 * CutMix (Yun et al., 2019): pastes a box from a partner image of the same batch (a seeded
 * permutation) into each image. The box has sides `⌊h·√(1 - λ)⌋ × ⌊w·√(1 - λ)⌋` with λ ~
 * Beta(α, α) per sample, centred on a random pixel and clipped at the border; the label row
 * becomes `w·y + (1 - w)·y_partner` where `1 - w` is the fraction of the image actually pasted.
 * Labels come back as float rows `[n, classes]`. Needs labels: `apply({ images, labels })`.
 *
 * @example
 * const { images: x, labels: y } = cutmix({ numClasses: 10 }).apply({ images, labels });
 */
export function cutmix(options: CutmixOptions = {}): Transform {
  const name = 'cutmix';
  checkOptions(name, options);
  const alpha = parseNumber(name, 'alpha', options.alpha, 1, { min: 0 });
  const numClasses =
    options.numClasses === undefined
      ? undefined
      : parseNumber(name, 'numClasses', options.numClasses, 0, { min: 1, integer: true });
  return defineTransform({
    name,
    random: true,
    usesLabels: true,
    run: ({ images, labels, n, height, width }) => {
      const y = labelRows(name, labels!, numClasses);
      const rng = new HostRandom(images.runtime);
      const boxes = new Float64Array(4 * n);
      const kept = new Float64Array(n);
      for (let b = 0; b < n; b++) {
        const lam = alpha === 0 ? 1 : rng.beta(alpha, alpha);
        const cut = Math.sqrt(1 - lam);
        const size = [Math.floor(height * cut), Math.floor(width * cut)] as const;
        const box = clampedBox([rng.int(height), rng.int(width)], size, [height, width]);
        boxes.set(box, 4 * b);
        const area = (box[1] - box[0]) * (box[3] - box[2]);
        kept[b] = height * width === 0 ? 1 : 1 - area / (height * width);
      }
      const { index } = partners(images);
      const pasted = where(boxMask(images, boxes), byPartner(images, index), images);
      const rest = kept.map((k) => 1 - k);
      const mixed = add(
        mul(y, perSample(images, kept, [n, 1])),
        mul(byPartner(y, index), perSample(images, rest, [n, 1])),
      );
      return { images: pasted, labels: mixed };
    },
  });
}
