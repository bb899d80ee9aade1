import { add, mul } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { passesThrough } from '../internal/pass-through';
import { type EmptyState, stateless, statelessInputs } from '../stateless';

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
  const tx = stateless(
    name,
    (g, { param, scalar }) => (weightDecay === 0 ? g : add(g, mul(param!, scalar(weightDecay)))),
    { needsParams: weightDecay !== 0 },
  );
  // A decay of 0 (the default of adam, sgd, ...) changes nothing: a chain makes update's checks
  // and hands the same updates on. The new state is update's: {}, or the one given when there are no updates.
  return weightDecay === 0
    ? passesThrough(tx, (updates, state, params) =>
        statelessInputs(name, updates, params, false).leaves.length ? {} : state,
      )
    : tx;
}
