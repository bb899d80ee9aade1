import { InvalidArgumentError, Tensor } from '@descent/core';
import type { OptState } from '../gradient-transform';

/** Plain objects only: what a state may nest (not class instances, maps or typed arrays). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A state of the same structure with `fn(t, path)` at each tensor; numbers, strings, booleans
 * and null are copied. Anything else is not optimizer state and throws, naming where it is.
 */
export function mapState(
  op: string,
  state: OptState,
  fn: (t: Tensor, path: string) => Tensor,
  path = '',
): OptState {
  if (state instanceof Tensor) return fn(state, path || '(root)');
  if (state === null || typeof state === 'number' || typeof state === 'string' || typeof state === 'boolean')
    return state;
  if (Array.isArray(state)) return state.map((s, i) => mapState(op, s, fn, join(path, String(i))));
  if (isPlainObject(state)) {
    return Object.fromEntries(
      Object.entries(state).map(([k, v]) => [k, mapState(op, v as OptState, fn, join(path, k))]),
    );
  }
  throw notState(op, path, state);
}

/**
 * Every tensor in a state with its path, in `mapState`'s order and with its errors. Walks without
 * copying the state: `applyGradients` calls it twice a step.
 */
export function stateTensors(op: string, state: OptState): { path: string; tensor: Tensor }[] {
  const out: { path: string; tensor: Tensor }[] = [];
  const walk = (s: OptState, path: string): void => {
    if (s instanceof Tensor) out.push({ path: path || '(root)', tensor: s });
    else if (Array.isArray(s)) {
      s.forEach((v, i) => {
        walk(v, join(path, String(i)));
      });
    } else if (isPlainObject(s)) {
      for (const k of Object.keys(s)) walk(s[k] as OptState, join(path, k));
    } else if (s !== null && typeof s !== 'number' && typeof s !== 'string' && typeof s !== 'boolean')
      throw notState(op, path, s);
  };
  walk(state, '');
  return out;
}

/** The same state over new handles on the same data (no copy): what a transform returns for an unchanged state. */
export function freshState<S extends OptState>(op: string, state: S): S {
  return mapState(op, state, (t, path) => {
    t.assertAlive(`${op} (state "${path}")`);
    return t.runtime.view(t);
  }) as S;
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}/${key}` : key;
}

function notState(op: string, path: string, v: unknown): InvalidArgumentError {
  return new InvalidArgumentError(
    op,
    `state at "${path || '(root)'}" is ${describe(v)}; optimizer state holds only tensors, numbers, strings, booleans, null, arrays and plain objects`,
  );
}

function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'bigint') return 'a bigint';
  if (typeof v === 'symbol') return 'a symbol';
  return `an instance of ${(v as object).constructor?.name ?? 'an unknown class'}`;
}
