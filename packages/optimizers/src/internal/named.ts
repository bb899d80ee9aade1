import { InvalidArgumentError } from '@descent/core';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { type HyperparamState, injectHyperparams } from '../transforms/inject-hyperparams';
import type { Constraint } from './hyperparams';
import { isPlainObject } from './state-tree';

/** A named optimizer's hyperparameter: its default and range. */
export interface HyperDef {
  readonly default: number;
  readonly range: Constraint;
}

/**
 * A named optimizer: checks the options object (unknown keys are typos, not silently ignored),
 * then holds every numeric hyperparameter in state through `injectHyperparams`.
 */
export function namedOptimizer<H extends string>(
  name: string,
  options: object | undefined,
  defs: { readonly [K in H]: HyperDef },
  flags: readonly string[],
  build: (h: { readonly [K in H]: number }, step: number) => GradientTransform,
): GradientTransform<HyperparamState> {
  const opts = checkOptions(name, options, [...Object.keys(defs), ...flags]);
  const keys = Object.keys(defs) as H[];
  const values = Object.fromEntries(keys.map((k) => [k, opts[k] ?? defs[k].default])) as {
    [K in H]: number | Schedule;
  };
  const ranges = Object.fromEntries(keys.map((k) => [k, defs[k].range])) as { [K in H]: Constraint };
  return injectHyperparams(build, values, { name, ranges });
}

/** The options as a record, after checking every key is known. */
export function checkOptions(
  name: string,
  options: object | undefined,
  known: readonly string[],
): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new InvalidArgumentError(
      name,
      `options must be a plain object, got ${options === null ? 'null' : typeof options}`,
    );
  }
  const unknown = Object.keys(options).filter((k) => !known.includes(k));
  if (unknown.length) {
    throw new InvalidArgumentError(
      name,
      `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; options are ${known.join(', ')}`,
    );
  }
  return options;
}

/** A boolean option (default false), checked. */
export function flag(name: string, options: object | undefined, key: string): boolean {
  const v = (options as Record<string, unknown> | undefined)?.[key];
  if (v === undefined) return false;
  if (typeof v !== 'boolean')
    throw new InvalidArgumentError(name, `option "${key}" must be true or false, got ${typeof v}`);
  return v;
}
