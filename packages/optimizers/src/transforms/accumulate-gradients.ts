import { add, div, InvalidArgumentError, type ParamTree, unflattenParams, zerosLike } from '@descent/core';
import { InvalidHyperparameterError } from '../errors';
import type { GradientTransform, OptState, PerParam } from '../gradient-transform';
import { checkTransform } from '../internal/check-args';
import { checkPaths, checkShape, leavesOf, tidyTree } from '../internal/leaves';
import { scalar } from '../internal/scalar';
import { freshState } from '../internal/state-tree';

/** The state of `accumulateGradients`: the running sum, how many gradients it holds, and the inner state. */
export type AccumulateState = {
  /** Gradients summed since the last inner update. */
  readonly miniStep: number;
  /** Their running sum, by parameter path. */
  readonly sum: PerParam;
  /** The inner transform's state. */
  readonly inner: OptState;
};

/**
 * Gradient accumulation (Optax's `MultiSteps`): sums `steps` successive gradients and gives
 * their mean to `inner` on every `steps`-th update; in between the updates are zeros, so the
 * parameters stay put. An effective batch `steps` times the one that fits in memory.
 *
 * @example
 * const tx = accumulateGradients(adam({ learningRate: 1e-3 }), 4); // one Adam step per 4 batches
 */
export function accumulateGradients(
  inner: GradientTransform,
  steps: number,
): GradientTransform<AccumulateState> {
  const name = 'accumulateGradients';
  checkTransform(name, 'inner', inner);
  if (!Number.isInteger(steps) || steps < 1) {
    throw new InvalidHyperparameterError(
      name,
      'steps',
      steps,
      `hyperparameter "steps" must be an integer >= 1, got ${steps}`,
    );
  }
  return {
    init(params) {
      const leaves = leavesOf(name, params);
      const sum = leaves[0]
        ? tidyTree(leaves[0].tensor.runtime, () =>
            Object.fromEntries(leaves.map(({ path, tensor }) => [path, zerosLike(tensor)])),
          )
        : {};
      return { miniStep: 0, sum, inner: inner.init(params) };
    },
    update(updates, state, params) {
      if (state === null || typeof state !== 'object' || typeof state.miniStep !== 'number' || !state.sum) {
        throw new InvalidArgumentError(
          name,
          'state is not an accumulateGradients state; pass the state init returned',
        );
      }
      const leaves = leavesOf(name, updates, 'gradient');
      checkPaths(name, leaves, Object.keys(state.sum), 'gradient');
      for (const { path, tensor } of leaves)
        checkShape(name, path, tensor, state.sum[path]!.shape, 'gradient');
      const run = (): [ParamTree, AccumulateState] => {
        const sums = leaves.map(({ path, tensor }) => add(state.sum[path]!, tensor));
        if (state.miniStep + 1 < steps) {
          const zeros = leaves.map(({ tensor }) => zerosLike(tensor));
          return [
            unflattenParams(updates, zeros),
            {
              miniStep: state.miniStep + 1,
              sum: Object.fromEntries(leaves.map((l, i) => [l.path, sums[i]!])),
              inner: freshState(name, state.inner),
            },
          ];
        }
        const means = sums.map((s) => div(s, scalar(s, steps)));
        const [u, s] = inner.update(unflattenParams(updates, means), state.inner, params);
        const reset = Object.fromEntries(leaves.map(({ path, tensor }) => [path, zerosLike(tensor)]));
        return [u, { miniStep: 0, sum: reset, inner: s }];
      };
      if (!leaves[0]) return run();
      return tidyTree(leaves[0].tensor.runtime, run);
    },
  };
}
