import type { ParamTree, Tensor } from '@descent/core';

/**
 * What optimizer state is made of: plain data, so it serializes, resumes and moves between
 * backends. Tensors hold per-parameter statistics, keyed by parameter path; numbers hold step
 * counts and hyperparameters.
 */
export type OptState =
  | Tensor
  | number
  | string
  | boolean
  | null
  | readonly OptState[]
  | { readonly [key: string]: OptState };

/** Per-parameter tensors keyed by parameter path (`'dense_1/kernel'`), never by position. */
export type PerParam = { readonly [path: string]: Tensor };

/** A learning rate (or any hyperparameter) as a function of the step count, starting at 0. */
export type Schedule = (step: number) => number;

/**
 * A gradient transformation, as in Optax: `init` makes the state for a tree of parameters and
 * `update` turns incoming updates (at first the gradients) into outgoing updates and a new state.
 * Optimizers are `chain`s of such transforms; `applyUpdates` adds the final updates to the
 * parameters.
 *
 * The contract every transform keeps (the optimizer conformance kit in `@descent/testing`
 * checks it):
 * - state is plain data (`OptState`); per-parameter tensors are keyed by parameter path, so the
 *   order of the parameters never matters;
 * - `update` neither disposes nor changes its inputs, and returns only new tensor handles (an
 *   unchanged tensor comes back as `rt.view(t)`), all owned by the caller; temporaries are freed
 *   before it returns;
 * - updates have the paths and shapes of the incoming updates.
 *
 * @example
 * const tx = chain(clipByGlobalNorm(1), scaleByAdam(), scaleByLearningRate(1e-3));
 * let state = tx.init(params);
 * const [updates, next] = tx.update(grads, state, params);
 * params = applyUpdates(params, updates);
 */
export interface GradientTransform<S extends OptState = OptState> {
  /** The initial state for these parameters (moments at zero, counts at 0), keyed by parameter path. */
  init(params: ParamTree): S;
  /**
   * Transforms the incoming updates (gradients, at the head of a chain) and returns them with the
   * new state. Never changes or disposes its inputs; `params` is needed by transforms such as
   * weight decay.
   */
  update(updates: ParamTree, state: S, params?: ParamTree): [ParamTree, S];
  /**
   * Optional fast path: `update`, then `applyUpdates`, in fewer passes over memory. Returns the
   * new parameters and the same new state `update` would (the parameters within float32
   * rounding of `applyUpdates(params, update(...)[0])`). `applyGradients` uses it where present;
   * `chain` has one where its last transform is a `uniformScale` and the one before has
   * `applyScaled` (e.g. `scaleByAdam` then `scaleByLearningRate`, fused into one kernel).
   */
  apply?(params: ParamTree, updates: ParamTree, state: S): [ParamTree, S];
  /**
   * Present on transforms that multiply every update by one number (`scaleByLearningRate`,
   * `scaleBySchedule`): that number for this step and the new state, with the checks `update`
   * makes. `chain` folds it into the transform before.
   */
  uniformScale?(state: S, paths: readonly string[]): [number, S];
  /**
   * Optional: `update`, then every update multiplied by `scale` and added to its parameter, in
   * one pass (the transform's half of a fused `apply`). Same new state as `update`.
   */
  applyScaled?(params: ParamTree, updates: ParamTree, state: S, scale: number): [ParamTree, S];
}
