import { maximum, minimum } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { type EmptyState, stateless } from '../stateless';

/**
 * Clamps every element of every update into `[-maxDelta, maxDelta]` (Optax's `clip`, PyTorch's
 * `clip_grad_value_`). NaN stays NaN.
 *
 * @example
 * chain(clipByValue(1), scaleByLearningRate(0.1));
 */
export function clipByValue(maxDelta: number): GradientTransform<EmptyState> {
  const name = 'clipByValue';
  checkHyperparam(name, 'maxDelta', maxDelta, 'nonNegative');
  return stateless(name, (g, { scalar }) => minimum(maximum(g, scalar(-maxDelta)), scalar(maxDelta)));
}
