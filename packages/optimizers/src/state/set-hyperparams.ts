import { describeValue, InvalidArgumentError } from '@descent/core';
import type { OptState } from '../gradient-transform';
import { isPlainObject } from '../internal/state-tree';

/**
 * A state whose held hyperparameters (from `injectHyperparams`, so every named optimizer's) have
 * the given values, wherever they sit in the state (under `skipNonFinite`, in a chain, ...).
 * The new state shares the old one's tensors: use it *instead of* the old one, do not dispose
 * both. Values are checked at the next update (a negative learning rate throws there, naming
 * the parameters); a hyperparameter driven by a schedule is recomputed each step.
 *
 * @example
 * state = setHyperparams(state, { learningRate: 1e-4 });
 */
export function setHyperparams<S extends OptState>(state: S, values: { readonly [name: string]: number }): S {
  const name = 'setHyperparams';
  if (values === null || typeof values !== 'object' || Array.isArray(values))
    throw new InvalidArgumentError(name, `expected values { name: number }, got ${describeValue(values)}`);
  const wanted = Object.keys(values);
  const found = new Set<string>();
  const walk = (s: OptState): OptState => {
    if (Array.isArray(s)) return s.map(walk);
    if (!isPlainObject(s)) return s;
    const out: Record<string, OptState> = {};
    for (const [k, v] of Object.entries(s)) out[k] = walk(v as OptState);
    if (isHyperparamState(s)) {
      const hp = { ...s.hyperparams };
      for (const key of wanted) {
        if (key in hp) {
          hp[key] = values[key]!;
          found.add(key);
        }
      }
      out.hyperparams = hp;
    }
    return out;
  };
  const next = walk(state) as S;
  const missing = wanted.filter((k) => !found.has(k));
  if (missing.length) {
    const have = getHyperparamNames(state);
    throw new InvalidArgumentError(
      name,
      `the state holds no hyperparameter ${missing.map((k) => `"${k}"`).join(', ')} (it holds: ${have.length ? have.join(', ') : 'none; build the optimizer with injectHyperparams'})`,
    );
  }
  return next;
}

/**
 * The held hyperparameters of a state (the outermost `injectHyperparams`; every named optimizer
 * is one): the values the last update used, or the initial ones.
 *
 * @example
 * getHyperparams(state).learningRate;
 */
export function getHyperparams(state: OptState): { readonly [name: string]: number } {
  let found: { readonly [name: string]: number } | undefined;
  const walk = (s: OptState): void => {
    if (found) return;
    if (Array.isArray(s)) s.forEach(walk);
    else if (isPlainObject(s)) {
      if (isHyperparamState(s)) found = s.hyperparams;
      else for (const v of Object.values(s)) walk(v as OptState);
    }
  };
  walk(state);
  if (!found) {
    throw new InvalidArgumentError(
      'getHyperparams',
      'the state holds no hyperparameters; build the optimizer with injectHyperparams (every named optimizer is)',
    );
  }
  return found;
}

function getHyperparamNames(state: OptState): string[] {
  try {
    return Object.keys(getHyperparams(state));
  } catch {
    return [];
  }
}

function isHyperparamState(
  s: Record<string, unknown>,
): s is { hyperparams: Record<string, number>; count: number } {
  return typeof s.count === 'number' && isPlainObject(s.hyperparams) && 'inner' in s;
}
