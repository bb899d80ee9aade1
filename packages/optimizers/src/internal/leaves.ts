import {
  flattenParams,
  fmtShape,
  InvalidArgumentError,
  type ParamTree,
  type Runtime,
  ShapeError,
  shapesEqual,
  type Tensor,
  type TensorTree,
} from '@descent/core';
import { ParamMismatchError } from '../errors';

/** One tensor of a tree with its path. */
export interface Leaf {
  readonly path: string;
  readonly tensor: Tensor;
}

/**
 * The trees `leavesOf` has flattened and checked during the current `withLeafCache` call. One
 * step goes through several layers (applyGradients, injectHyperparams, chain, the transforms)
 * that each list the same gradients and parameters; they share one listing. Kept only while
 * that call runs: trees are plain objects that a caller may change between calls.
 */
let listed: WeakMap<object, readonly Leaf[]> | undefined;

/** Runs `fn` with `leavesOf` listing each tree once; nested calls share the outermost's cache. */
export function withLeafCache<T>(fn: () => T): T {
  if (listed) return fn();
  listed = new WeakMap();
  try {
    return fn();
  } finally {
    listed = undefined;
  }
}

/** The leaves of a tree, checked alive and with distinct paths. `what` names them in errors. */
export function leavesOf(op: string, tree: ParamTree, what = 'parameter'): readonly Leaf[] {
  const known = listed?.get(tree);
  if (known) {
    // Still checked alive: a tensor may have been freed since it was listed.
    for (const { path, tensor } of known) tensor.assertAlive(`${op} (${what} "${path}")`);
    return known;
  }
  const leaves = flattenParams(op, tree);
  const seen = new Set<string>();
  for (const { path, tensor } of leaves) {
    if (seen.has(path)) throw new ParamMismatchError(op, path, `two ${what}s have the path "${path}"`);
    seen.add(path);
    tensor.assertAlive(`${op} (${what} "${path}")`);
  }
  listed?.set(tree, leaves);
  return leaves;
}

/** Up to eight paths, quoted, for messages. */
export function listPaths(paths: Iterable<string>): string {
  const all = [...paths];
  if (all.length === 0) return 'none';
  const shown = all.slice(0, 8).map((p) => `"${p}"`);
  return all.length > 8 ? `${shown.join(', ')}, … (${all.length} in all)` : shown.join(', ');
}

/**
 * Checks that `leaves` (gradients, updates: values for parameters) have exactly the parameter
 * paths `expected`, in any order; the first path that differs throws a `ParamMismatchError`
 * naming it.
 */
export function checkPaths(
  op: string,
  leaves: readonly Leaf[],
  expected: readonly string[],
  what: string,
): void {
  const want = new Set(expected);
  for (const { path } of leaves) {
    if (!want.has(path)) {
      throw new ParamMismatchError(
        op,
        path,
        `${what} "${path}" matches no parameter (parameters: ${listPaths(expected)})`,
      );
    }
  }
  if (leaves.length !== want.size) {
    const have = new Set(leaves.map((l) => l.path));
    const missing = expected.find((p) => !have.has(p))!;
    throw new ParamMismatchError(
      op,
      missing,
      `no ${what} for parameter "${missing}" (${what}s given for: ${listPaths(have)})`,
    );
  }
}

/** Checks that the parameters `params` are exactly those the gradients (paths `gradPaths`) are for. */
export function checkParamPaths(op: string, params: readonly Leaf[], gradPaths: readonly string[]): void {
  const grads = new Set(gradPaths);
  for (const { path } of params) {
    if (!grads.has(path)) {
      throw new ParamMismatchError(
        op,
        path,
        `parameter "${path}" has no gradient (gradients given for: ${listPaths(gradPaths)})`,
      );
    }
  }
  if (params.length !== grads.size) {
    const have = new Set(params.map((l) => l.path));
    const extra = gradPaths.find((p) => !have.has(p))!;
    throw new ParamMismatchError(
      op,
      extra,
      `gradient "${extra}" matches no parameter (parameters: ${listPaths(have)})`,
    );
  }
}

/** `t`, or a new handle on its data when it is one of `taken`: what a transform returns must be its own. */
export function own(t: Tensor, taken: readonly (Tensor | undefined)[]): Tensor {
  return taken.includes(t) ? t.runtime.view(t) : t;
}

/** Throws a `ShapeError` naming the path when `t` does not have `shape`. */
export function checkShape(
  op: string,
  path: string,
  t: Tensor,
  shape: readonly number[],
  what: string,
): void {
  if (!shapesEqual(t.shape, shape)) {
    throw new ShapeError(op, `${what} "${path}" has shape ${fmtShape(t.shape)}, expected ${fmtShape(shape)}`);
  }
}

/** `fn` in a `tidy` of `rt`, typed for trees that hold tensors among plain data. */
export function tidyTree<T>(rt: Runtime, fn: () => T): T {
  return rt.tidy(fn as () => TensorTree) as T;
}

/** The state's count, after checking it has the slots this transform keeps. */
export function checkSlotState(name: string, state: unknown, slots: readonly string[]): number {
  const s = state as Record<string, unknown> | null;
  const bad = (what: string) =>
    new InvalidArgumentError(
      name,
      `state ${what}; pass the state this transform's init (or last update) returned`,
    );
  if (s === null || typeof s !== 'object') throw bad(`is ${s === null ? 'null' : typeof s}`);
  if (typeof s.count !== 'number') throw bad('has no step count');
  for (const slot of slots) {
    if (s[slot] === null || typeof s[slot] !== 'object') throw bad(`has no "${slot}"`);
  }
  return s.count;
}

/** The parameters by path, checked against the state's paths; undefined when not needed and not given. */
export function paramsByPath(
  name: string,
  params: ParamTree | undefined,
  expected: readonly string[],
  required: boolean,
): Map<string, Tensor> | undefined {
  if (params === undefined) {
    if (required) {
      throw new InvalidArgumentError(name, 'update needs the parameters: call update(grads, state, params)');
    }
    return undefined;
  }
  const leaves = leavesOf(name, params);
  checkParamPaths(name, leaves, expected);
  return new Map(leaves.map((l) => [l.path, l.tensor]));
}
