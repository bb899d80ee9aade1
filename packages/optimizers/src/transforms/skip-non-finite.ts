import {
  add,
  cast,
  InvalidArgumentError,
  isFinite,
  logicalNot,
  sum,
  type Tensor,
  unflattenParams,
  zerosLike,
} from '@descent/core';
import type { GradientTransform, OptState } from '../gradient-transform';
import { checkTransform } from '../internal/check-args';
import { leavesOf, tidyTree } from '../internal/leaves';
import { freshState } from '../internal/state-tree';

/** The state of `skipNonFinite`: the inner state and how many updates were skipped. */
export type SkipNonFiniteState = {
  /** The inner transform's state. */
  readonly inner: OptState;
  /** Updates skipped in all. */
  readonly skipped: number;
  /** Updates skipped since the last finite one. */
  readonly consecutiveSkipped: number;
  /** Whether the last update was finite. */
  readonly lastFinite: boolean;
};

/**
 * Skips an update whose gradients hold a NaN or an infinity: the outgoing updates are zeros (so
 * `applyUpdates` keeps the old parameters) and the inner transform's state is kept as it was, as
 * if the step never happened; the skips are counted in the state. Finite gradients go to `inner`.
 *
 * Deciding needs one boolean read back from the backend per update (`dataSync`), so this works
 * on backends that read synchronously (CPU, WebGL).
 *
 * @example
 * const tx = skipNonFinite(adam({ learningRate: 1e-3 }));
 * // after a NaN gradient: state.skipped === 1, parameters unchanged, Adam's moments untouched
 */
export function skipNonFinite(inner: GradientTransform): GradientTransform<SkipNonFiniteState> {
  checkTransform('skipNonFinite', 'inner', inner);
  const name = 'skipNonFinite';
  return {
    init: (params) => ({ inner: inner.init(params), skipped: 0, consecutiveSkipped: 0, lastFinite: true }),
    update(updates, state, params) {
      if (
        state === null ||
        typeof state !== 'object' ||
        typeof state.skipped !== 'number' ||
        !('inner' in state)
      ) {
        throw new InvalidArgumentError(
          name,
          'state is not a skipNonFinite state; pass the state init returned',
        );
      }
      const leaves = leavesOf(name, updates, 'gradient');
      const first = leaves[0];
      const finite =
        !first ||
        tidyTree(first.tensor.runtime, () => {
          const bad = leaves.map(({ tensor }) => sum(cast(logicalNot(isFinite(tensor)), 'float32')));
          return (
            bad
              .slice(1)
              .reduce<Tensor>((a, b) => add(a, b), bad[0]!)
              .dataSync()[0] === 0
          );
        });
      if (finite) {
        const [u, s] = inner.update(updates, state.inner, params);
        return [u, { inner: s, skipped: state.skipped, consecutiveSkipped: 0, lastFinite: true }];
      }
      const zeros = tidyTree(first.tensor.runtime, () => leaves.map(({ tensor }) => zerosLike(tensor)));
      return [
        unflattenParams(updates, zeros),
        {
          inner: freshState(name, state.inner),
          skipped: state.skipped + 1,
          consecutiveSkipped: state.consecutiveSkipped + 1,
          lastFinite: false,
        },
      ];
    },
  };
}
