import { add, mul } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { type EmptyState, stateless } from '../stateless';

/**
 * Adds `weightDecay · param` to each update. Before the rescaling (first in a chain) it is an L2
 * penalty on the gradient, PyTorch's `weight_decay`; after it, decoupled weight decay (AdamW).
 * Needs the parameters in `update` (unless the decay is 0). Wrap it in `masked` to spare biases and norms.
 *
 * @example
 * chain(scaleByAdam(), addDecayedWeights(0.01), scaleByLearningRate(1e-3)); // adamw()
 */
export function addDecayedWeights(weightDecay: number): GradientTransform<EmptyState> {
  const name = 'addDecayedWeights';
  checkHyperparam(name, 'weightDecay', weightDecay, 'nonNegative');
  return stateless(
    name,
    (g, { param, scalar }) => (weightDecay === 0 ? g : add(g, mul(param!, scalar(weightDecay)))),
    { needsParams: weightDecay !== 0 },
  );
}
