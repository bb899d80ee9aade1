import { randomFlip } from './internal/flip';
import type { RandomFlipOptions } from './random-horizontal-flip';
import type { Transform } from './transform';

/**
 * Mirrors each image top–bottom with probability `p` (per sample), exactly: pixel `[r, c]`
 * becomes `[h - 1 - r, c]`.
 *
 * @example
 * const flipped = randomVerticalFlip({ p: 0.5 }).apply(images);
 */
export function randomVerticalFlip(options: RandomFlipOptions = {}): Transform {
  return randomFlip('randomVerticalFlip', 'vertical', options);
}
