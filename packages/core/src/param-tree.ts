import { InvalidArgumentError } from './errors';
import { Tensor } from './tensor';

/**
 * Named tensors, nested in plain objects and arrays: model parameters, their gradients and
 * optimizer state. Leaves are addressed by stable '/'-joined paths ('dense_1/kernel').
 */
export type ParamTree = Tensor | readonly ParamTree[] | { readonly [name: string]: ParamTree };

/**
 * The leaves of a tree with their paths, in a stable order (object keys, then array index).
 *
 * @example
 * flattenParams('save', { dense: { kernel, bias } });
 * // [{ path: 'dense/kernel', tensor: kernel }, { path: 'dense/bias', tensor: bias }]
 */
export function flattenParams(
  op: string,
  tree: ParamTree,
  prefix = '',
): {
  /** The leaf's '/'-joined path, e.g. `'dense_1/kernel'`. */
  path: string;
  /** The leaf. */
  tensor: Tensor;
}[] {
  if (tree instanceof Tensor) return [{ path: prefix || '(root)', tensor: tree }];
  if (tree !== null && typeof tree === 'object') {
    return Object.entries(tree).flatMap(([k, v]) =>
      flattenParams(op, v as ParamTree, prefix ? `${prefix}/${k}` : k),
    );
  }
  throw new InvalidArgumentError(
    op,
    `parameter "${prefix || '(root)'}" is ${tree === null ? 'null' : typeof tree}, expected a Tensor`,
  );
}

/**
 * A tree of the same structure as `tree` with `leaves` (in `flattenParams` order) at its leaves.
 *
 * @example
 * const leaves = flattenParams('step', params).map(({ tensor }) => mul(tensor, 0.5));
 * unflattenParams(params, leaves); // params' structure, new leaves
 */
export function unflattenParams<P extends ParamTree>(tree: P, leaves: readonly Tensor[]): P {
  let i = 0;
  const build = (p: ParamTree): ParamTree => {
    if (p instanceof Tensor) return leaves[i++]!;
    if (Array.isArray(p)) return p.map(build);
    return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, build(v as ParamTree)]));
  };
  return build(tree) as P;
}

/**
 * A tree of the same structure with `fn(leaf, path)` at each leaf.
 *
 * @example
 * mapParams('halve', params, (t) => mul(t, 0.5));
 */
export function mapParams<P extends ParamTree>(
  op: string,
  tree: P,
  fn: (t: Tensor, path: string) => Tensor,
): P {
  return unflattenParams(
    tree,
    flattenParams(op, tree).map(({ tensor, path }) => fn(tensor, path)),
  );
}
