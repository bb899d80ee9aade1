import { InvalidArgumentError, mapParams, type ParamTree } from '@descent/core';
import type { GradientTransform, OptState } from './gradient-transform';
import { checkTransform } from './internal/check-args';
import { leavesOf, tidyTree } from './internal/leaves';

/** The state of a chain: one entry per transform, in order. */
export type ChainState = readonly OptState[];

/**
 * Composes transforms: each one's outgoing updates are the next one's incoming updates, all
 * with the same parameters. Every named optimizer is a chain; intermediate updates are freed.
 *
 * @example
 * const adamw = chain(scaleByAdam(), addDecayedWeights(0.01), scaleByLearningRate(1e-3));
 * const clipped = chain(clipByGlobalNorm(1), adamw);
 */
export function chain(...transforms: readonly GradientTransform[]): GradientTransform<ChainState> {
  for (const [i, tx] of transforms.entries()) checkTransform('chain', `transform ${i}`, tx);
  return {
    init: (params) => transforms.map((tx) => tx.init(params)),
    update(updates, state, params) {
      if (!Array.isArray(state) || state.length !== transforms.length) {
        throw new InvalidArgumentError(
          'chain',
          `state has ${Array.isArray(state) ? `${state.length} entries` : `type ${typeof state}`}, expected an array of ${transforms.length} (one per transform); pass the state init returned`,
        );
      }
      const leaves = leavesOf('chain', updates, 'gradient');
      const first = leaves[0];
      if (transforms.length === 0) {
        return [mapParams('chain', updates, (t) => t.runtime.view(t)), []];
      }
      const run = (): [ParamTree, OptState[]] => {
        let current: ParamTree = updates;
        const next: OptState[] = [];
        transforms.forEach((tx, i) => {
          const [u, s] = tx.update(current, state[i]!, params);
          current = u;
          next.push(s);
        });
        return [current, next];
      };
      return first ? tidyTree(first.tensor.runtime, run) : run();
    },
  };
}
