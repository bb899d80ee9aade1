import type { ParamTree, Tensor } from '@descent/core';
import type { GradientTransform, OptState } from './gradient-transform';
import { applyStep } from './internal/apply-step';
import { checkTransform } from './internal/check-args';
import { leavesOf, tidyTree, withLeafCache } from './internal/leaves';
import { stateTensors } from './internal/state-tree';

/** What `applyGradients` returns: the new parameters and the new state (a tree `rt.tidy` can return). */
export type Step<P extends ParamTree, S extends OptState> = {
  /** The parameters after the step. */
  params: P;
  /** The optimizer state after the step (kept: it outlives a `tidy`). */
  state: S;
};

/**
 * One optimizer step with its memory handled: runs `tx.update` and adds the updates to the
 * parameters (or runs `tx.apply`, the fused form, where the transform has one: `adam()` does), frees the updates and every temporary, and disposes the old state's tensors once
 * the new state has replaced them. The new state is kept (`rt.keep`), so it outlives any `tidy`
 * the step runs in, like a TF.js optimizer's variables; free it with `disposeState` when done.
 * `params` and `grads` are not disposed: they belong to the caller.
 *
 * @example
 * let state = tx.init(params);
 * for (const batch of batches) {
 *   const { value, grads } = valueAndGrad(loss(batch))(params);
 *   const next = applyGradients(tx, params, grads, state);
 *   rt.dispose([value, grads, params]);
 *   ({ params, state } = next);
 * }
 */
export function applyGradients<P extends ParamTree, S extends OptState>(
  tx: GradientTransform<S>,
  params: P,
  grads: ParamTree,
  state: S,
): Step<P, S> {
  // The layers of one step list the same trees: once each is enough.
  return withLeafCache(() => stepOnce(tx, params, grads, state));
}

function stepOnce<P extends ParamTree, S extends OptState>(
  tx: GradientTransform<S>,
  params: P,
  grads: ParamTree,
  state: S,
): Step<P, S> {
  checkTransform('applyGradients', 'tx', tx);
  const leaves = leavesOf('applyGradients', params);
  const step = (): Step<P, S> => {
    const [next, nextState] = applyStep(tx, params, grads, state);
    return { params: next as P, state: nextState };
  };
  const result = leaves[0] ? tidyTree(leaves[0].tensor.runtime, step) : step();
  const kept = new Set<Tensor>();
  for (const { tensor } of stateTensors('applyGradients', result.state)) {
    tensor.runtime.keep(tensor);
    kept.add(tensor);
  }
  // A transform that broke the contract and handed an old state tensor back must not lose it.
  for (const { tensor } of stateTensors('applyGradients', state)) if (!kept.has(tensor)) tensor.dispose();
  return result;
}
