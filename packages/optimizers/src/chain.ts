import { InvalidArgumentError, mapParams, type ParamTree } from '@descent/core';
import type { GradientTransform, OptState } from './gradient-transform';
import { checkTransform } from './internal/check-args';
import { leavesOf, tidyTree, withLeafCache } from './internal/leaves';

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
  const n = transforms.length;
  const last = transforms[n - 1];
  const prev = transforms[n - 2];
  // How many transforms at the end `apply` hands the parameters to: two fused (a transform with
  // applyScaled, then a uniform scale such as the learning rate), one with its own apply, or none.
  const tail = last?.uniformScale && prev?.applyScaled ? 2 : last?.apply ? 1 : 0;
  const checkState = (state: ChainState) => {
    if (!Array.isArray(state) || state.length !== n) {
      throw new InvalidArgumentError(
        'chain',
        `state has ${Array.isArray(state) ? `${state.length} entries` : `type ${typeof state}`}, expected an array of ${n} (one per transform); pass the state init returned`,
      );
    }
  };
  /**
   * Runs the transforms before `end` with `update`; then `finish` the rest from their output.
   * Call it in `withLeafCache`, so the transforms list the trees they share once.
   */
  const through = (
    updates: ParamTree,
    state: ChainState,
    params: ParamTree | undefined,
    end: number,
    finish: (current: ParamTree, paths: string[]) => [ParamTree, OptState[]],
  ): [ParamTree, OptState[]] => {
    checkState(state);
    const leaves = leavesOf('chain', updates, 'gradient');
    const run = (): [ParamTree, OptState[]] => {
      let current: ParamTree = updates;
      const next: OptState[] = [];
      transforms.slice(0, end).forEach((tx, i) => {
        const [u, s] = tx.update(current, state[i]!, params);
        current = u;
        next.push(s);
      });
      const [out, rest] = finish(
        current,
        leaves.map((l) => l.path),
      );
      return [out, [...next, ...rest]];
    };
    const first = leaves[0];
    return first ? tidyTree(first.tensor.runtime, run) : run();
  };
  return {
    init: (params) => transforms.map((tx) => tx.init(params)),
    update(updates, state, params) {
      if (n === 0) {
        checkState(state);
        return [mapParams('chain', updates, (t) => t.runtime.view(t)), []];
      }
      return withLeafCache(() => through(updates, state, params, n, (current) => [current, []]));
    },
    ...(tail > 0 && {
      apply: (params: ParamTree, updates: ParamTree, state: ChainState) =>
        withLeafCache(() =>
          through(updates, state, params, n - tail, (current, paths) => {
            if (tail === 1) {
              const [p, s] = last!.apply!(params, current, state[n - 1]!);
              return [p, [s]];
            }
            const [factor, sLast] = last!.uniformScale!(state[n - 1]!, paths);
            const [p, sPrev] = prev!.applyScaled!(params, current, state[n - 2]!, factor);
            return [p, [sPrev, sLast]];
          }),
        ),
    }),
  };
}
