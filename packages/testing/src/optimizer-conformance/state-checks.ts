import { flattenParams, type ParamTree, Tensor } from '@descent/core';
import { expect } from 'vitest';

/** Every tensor in a tree of plain data, with its path. */
export function tensorsOf(tree: unknown, prefix = ''): { path: string; tensor: Tensor }[] {
  if (tree instanceof Tensor) return [{ path: prefix || '(root)', tensor: tree }];
  if (Array.isArray(tree)) return tree.flatMap((v, i) => tensorsOf(v, join(prefix, String(i))));
  if (tree !== null && typeof tree === 'object') {
    return Object.entries(tree).flatMap(([k, v]) => tensorsOf(v, join(prefix, k)));
  }
  return [];
}

/** Fails naming the first value that is not plain data: tensors, numbers, strings, booleans, null, arrays, plain objects. */
export function expectPlainData(state: unknown, label: string): void {
  const bad: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (v instanceof Tensor || v === null) return;
    if (['number', 'string', 'boolean'].includes(typeof v)) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, join(path, String(i)));
      });
      return;
    }
    if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) {
        for (const [k, x] of Object.entries(v as object)) walk(x, join(path, k));
        return;
      }
      bad.push(`${path || '(root)'}: an instance of ${(v as object).constructor?.name}`);
      return;
    }
    bad.push(`${path || '(root)'}: ${typeof v}`);
  };
  walk(state, '');
  expect(
    bad,
    `${label}: state must be plain data (tensors, numbers, strings, booleans, null, arrays, plain objects)`,
  ).toEqual([]);
}

/** The structure of a state with tensors replaced by their shape and dtype: equal for states of one transform. */
export function skeleton(state: unknown): unknown {
  if (state instanceof Tensor) return { tensor: [...state.shape], dtype: state.dtype };
  if (Array.isArray(state)) return state.map(skeleton);
  if (state !== null && typeof state === 'object') {
    return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, skeleton(v)]));
  }
  return typeof state;
}

/** Everything in a state read back: tensors as arrays of values (async: GPU backends read so). */
export async function snapshot(state: unknown): Promise<unknown> {
  if (state instanceof Tensor) {
    return { shape: [...state.shape], dtype: state.dtype, values: Array.from(await state.data()) };
  }
  if (Array.isArray(state)) return Promise.all(state.map(snapshot));
  if (state !== null && typeof state === 'object') {
    const entries = await Promise.all(
      Object.entries(state).map(async ([k, v]) => [k, await snapshot(v)] as const),
    );
    return Object.fromEntries(entries);
  }
  return state;
}

/** Updates keep the incoming updates' paths, shapes and dtypes. */
export function expectLikeGrads(updates: ParamTree, grads: ParamTree, label: string): void {
  const describe = (t: ParamTree) =>
    flattenParams(label, t)
      .map(({ path, tensor }) => ({ path, shape: [...tensor.shape], dtype: tensor.dtype }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  expect(describe(updates), `${label}: updates have the paths, shapes and dtypes of the gradients`).toEqual(
    describe(grads),
  );
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}/${key}` : key;
}
