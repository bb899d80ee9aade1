import { fmtShape, InvalidArgumentError, sqrt, square, sum, type Tensor } from '@descent/core';

/** Keras' `backend.epsilon()`, added to norms before dividing so zero columns stay zero. */
export const NORM_EPSILON = 1e-7;

/** The axes an `axis` option names, resolved against `w` (errors name the constraint and the shape). */
export function normAxes(className: string, w: Tensor, axis: number | readonly number[]): number[] {
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const rank = w.rank;
  const out = list.map((a) => {
    if (!Number.isInteger(a) || a < -rank || a >= rank)
      throw new InvalidArgumentError(
        className,
        `axis ${JSON.stringify(axis)} does not fit a weight of shape ${fmtShape(w.shape)} (rank ${rank})`,
      );
    return a < 0 ? a + rank : a;
  });
  if (new Set(out).size !== out.length)
    throw new InvalidArgumentError(className, `axis ${JSON.stringify(axis)} names an axis twice`);
  return out.sort((a, b) => a - b);
}

/** Euclidean norms of `w` over `axis`, keeping the reduced axes (size 1) for broadcasting. */
export function norms(className: string, w: Tensor, axis: number | readonly number[]): Tensor {
  return sqrt(sum(square(w), normAxes(className, w, axis), true));
}
