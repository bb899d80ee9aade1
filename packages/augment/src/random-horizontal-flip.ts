import { randomFlip } from './internal/flip';
import type { Transform } from './transform';

/** Options of `randomHorizontalFlip` and `randomVerticalFlip`. */
export interface RandomFlipOptions {
  /** Probability that each image is flipped; default 0.5. */
  p?: number;
}

/**
 * Mirrors each image left–right with probability `p` (drawn per sample), exactly: pixel
 * `[r, c]` becomes `[r, w - 1 - c]`. Runs as `affineResample` with nearest sampling.
 *
 * @example
 * const flipped = randomHorizontalFlip().apply(images);
 */
export function randomHorizontalFlip(options: RandomFlipOptions = {}): Transform {
  return randomFlip('randomHorizontalFlip', 'horizontal', options);
}
