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
import { checkParamPaths, type Leaf, leavesOf, listPaths, tidyTree } from '../internal/leaves';
import { flat } from './masked';

/** The group of each parameter: a function of path and parameter, or `{ path: label }` for every parameter. */
export type ParamLabels = ((path: string, param: Tensor) => string) | { readonly [path: string]: string };

/** The state of `multiTransform`: each group's transform state, by label. */
export type MultiTransformState = { readonly [label: string]: OptState };

/**
 * Per-group optimizers: each parameter gets the transform of its label (Optax's
 * `multi_transform`). Every parameter must have a label that names a transform.
 *
 * @example
 * multiTransform(
 *   { decay: adamw({ weightDecay: 0.01 }), noDecay: adam() },
 *   (path, p) => (p.rank > 1 ? 'decay' : 'noDecay'),
 * );
 */
export function multiTransform(
  transforms: { readonly [label: string]: GradientTransform },
  labels: ParamLabels,
): GradientTransform<MultiTransformState> {
  const name = 'multiTransform';
  if (transforms === null || typeof transforms !== 'object' || Array.isArray(transforms))
    throw new InvalidArgumentError(
      name,
      `expected transforms { label: transform }, got ${describeValue(transforms)}`,
    );
  for (const [label, tx] of Object.entries(transforms)) checkTransform(name, `transforms.${label}`, tx);
  if (typeof labels !== 'function' && (labels === null || typeof labels !== 'object'))
    throw new InvalidArgumentError(
      name,
      `expected labels to be { path: label } or a function (path, tensor) => label, got ${describeValue(labels)}`,
    );
  const known = Object.keys(transforms);
  const labelOf = (leaf: Leaf): string => {
    const label = typeof labels === 'function' ? labels(leaf.path, leaf.tensor) : labels[leaf.path];
    if (label === undefined) {
      throw new ParamMismatchError(name, leaf.path, `no label for parameter "${leaf.path}"`);
    }
    if (!Object.hasOwn(transforms, label)) {
      throw new ParamMismatchError(
        name,
        leaf.path,
        `parameter "${leaf.path}" has label "${label}", which names no transform (labels: ${listPaths(known)})`,
      );
    }
    return label;
  };
  const group = (leaves: readonly Leaf[], labelFrom: (l: Leaf) => Leaf = (l) => l) => {
    const groups = new Map<string, Leaf[]>(known.map((k) => [k, []]));
    for (const l of leaves) groups.get(labelOf(labelFrom(l)))!.push(l);
    return groups;
  };
  return {
    init(params) {
      const groups = group(leavesOf(name, params));
      return Object.fromEntries(known.map((k) => [k, transforms[k]!.init(flat(groups.get(k)!))]));
    },
    update(updates, state, params) {
      for (const k of known) {
        if (state === null || typeof state !== 'object' || !(k in state)) {
          throw new InvalidArgumentError(
            name,
            `state has no entry for group "${k}"; pass the state init returned`,
          );
        }
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
      const groups = group(leaves, (l) => paramOf.get(l.path) ?? l);
      const run = () => {
        const byPath = new Map<string, Tensor>();
        const next: Record<string, OptState> = {};
        for (const k of known) {
          const members = groups.get(k)!;
          const groupParams = paramLeaves && flat(members.map((l) => paramOf.get(l.path)!));
          const [u, s] = transforms[k]!.update(flat(members), state[k]!, groupParams);
          for (const l of leavesOf(name, u, 'update')) byPath.set(l.path, l.tensor);
          next[k] = s;
        }
        const outs = leaves.map((l) => byPath.get(l.path)!);
        return [unflattenParams(updates, outs), next] as [ParamTree, MultiTransformState];
      };
      return leaves[0] ? tidyTree(leaves[0].tensor.runtime, run) : run();
    },
  };
}
