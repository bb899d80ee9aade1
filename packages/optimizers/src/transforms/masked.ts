import {
  describeValue,
  InvalidArgumentError,
  type ParamTree,
  type Tensor,
  unflattenParams,
} from '@descent/core';
import { ParamMismatchError } from '../errors';
import type { GradientTransform, OptState } from '../gradient-transform';
import { checkTransform } from '../internal/check-args';
import { checkParamPaths, type Leaf, leavesOf, tidyTree } from '../internal/leaves';

/**
 * Which parameters a transform applies to: a function of the path and the parameter (decide by
 * path and shape: it also sees updates of the parameter's shape), or `{ path: boolean }` for
 * every parameter.
 */
export type ParamMask = ((path: string, param: Tensor) => boolean) | { readonly [path: string]: boolean };

/** The state of `masked`: the inner transform's, over the selected parameters only. */
export type MaskedState = {
  /** The inner transform's state. */
  readonly inner: OptState;
};

/**
 * Applies `inner` to the parameters `mask` selects; the others' updates pass through unchanged.
 * The inner transform sees the selected parameters as a flat `{ path: tensor }` tree, so its
 * state is keyed by the same paths.
 *
 * @example
 * // weight decay on kernels only: not on biases and normalization scales (rank 1)
 * chain(scaleByAdam(), masked(addDecayedWeights(0.01), (path, p) => p.rank > 1), scaleByLearningRate(1e-3));
 */
export function masked(inner: GradientTransform, mask: ParamMask): GradientTransform<MaskedState> {
  const name = 'masked';
  checkTransform(name, 'inner', inner);
  if (typeof mask !== 'function' && (mask === null || typeof mask !== 'object' || Array.isArray(mask)))
    throw new InvalidArgumentError(
      name,
      `expected mask to be { path: boolean } or a function (path, tensor) => boolean, got ${describeValue(mask)}`,
    );
  const selects = (leaf: Leaf): boolean => {
    if (typeof mask === 'function') return mask(leaf.path, leaf.tensor);
    const v = mask[leaf.path];
    if (typeof v !== 'boolean') {
      throw new ParamMismatchError(
        name,
        leaf.path,
        `the mask has no entry for parameter "${leaf.path}" (a mask object needs true or false for every parameter)`,
      );
    }
    return v;
  };
  return {
    init(params) {
      const chosen = leavesOf(name, params).filter(selects);
      return { inner: inner.init(flat(chosen)) };
    },
    update(updates, state, params) {
      if (state === null || typeof state !== 'object' || !('inner' in state)) {
        throw new InvalidArgumentError(name, 'state has no "inner"; pass the state init returned');
      }
      const leaves = leavesOf(name, updates, 'gradient');
      const paramLeaves = params === undefined ? undefined : leavesOf(name, params);
      if (paramLeaves)
        checkParamPaths(
          name,
          paramLeaves,
          leaves.map((l) => l.path),
        );
      const paramOf = new Map(paramLeaves?.map((l) => [l.path, l]));
      const chosen = leaves.filter((l) => selects(paramOf.get(l.path) ?? l));
      const run = () => {
        const chosenParams = paramLeaves && flat(chosen.map((l) => paramOf.get(l.path)!));
        const [u, s] = inner.update(flat(chosen), state.inner, chosenParams);
        const byPath = new Map(leavesOf(name, u, 'update').map((l) => [l.path, l.tensor]));
        const outs = leaves.map((l) => byPath.get(l.path) ?? l.tensor.runtime.view(l.tensor));
        return [unflattenParams(updates, outs), { inner: s }] as [ParamTree, MaskedState];
      };
      return leaves[0] ? tidyTree(leaves[0].tensor.runtime, run) : run();
    },
  };
}

/** Leaves as a flat tree keyed by path: flattening it gives the same paths back. */
export function flat(leaves: readonly Leaf[]): { [path: string]: Tensor } {
  return Object.fromEntries(leaves.map((l) => [l.path, l.tensor]));
}
