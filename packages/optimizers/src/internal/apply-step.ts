import type { ParamTree } from '@descent/core';
import { applyUpdates } from '../apply-updates';
import type { GradientTransform, OptState } from '../gradient-transform';
import { leavesOf } from './leaves';

/**
 * `tx.apply` where the transform has one, else `tx.update` then `applyUpdates` (freeing the
 * updates): the new parameters and state.
 */
export function applyStep<S extends OptState>(
  tx: GradientTransform<S>,
  params: ParamTree,
  updates: ParamTree,
  state: S,
): [ParamTree, S] {
  if (tx.apply) return tx.apply(params, updates, state);
  const [u, next] = tx.update(updates, state, params);
  const applied = applyUpdates(params, u);
  for (const { tensor } of leavesOf('applyGradients', u, 'update')) tensor.dispose();
  return [applied, next];
}
