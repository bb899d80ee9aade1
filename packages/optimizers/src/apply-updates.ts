import { add, type ParamTree, unflattenParams } from '@descent/core';
import { checkPaths, checkShape, leavesOf, tidyTree } from './internal/leaves';

/**
 * The parameters plus the updates, matched by path: new tensors in the structure of `params`
 * (Optax's `apply_updates`). Neither input is disposed. An update for an unknown parameter, or a
 * parameter without an update, throws a `ParamMismatchError` naming the path.
 *
 * @example
 * const [updates, next] = tx.update(grads, state, params);
 * const newParams = applyUpdates(params, updates);
 */
export function applyUpdates<P extends ParamTree>(params: P, updates: ParamTree): P {
  const name = 'applyUpdates';
  const ps = leavesOf(name, params);
  const us = leavesOf(name, updates, 'update');
  checkPaths(
    name,
    us,
    ps.map((l) => l.path),
    'update',
  );
  const byPath = new Map(us.map((l) => [l.path, l.tensor] as const));
  for (const { path, tensor } of ps) checkShape(name, path, byPath.get(path)!, tensor.shape, 'update');
  const first = ps[0];
  if (!first) return unflattenParams(params, []);
  return unflattenParams(
    params,
    tidyTree(first.tensor.runtime, () => ps.map(({ path, tensor }) => add(tensor, byPath.get(path)!))),
  );
}
