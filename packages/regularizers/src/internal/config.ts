import type { JsonValue } from '@descent/layers';
import { checkCoefficient } from '../check-coefficient';
import { RegularizerConfigError } from '../errors';
import { show } from './show';

/** The options of a penalty or constraint, as saved in a model config. */
export type EntryConfig = { readonly [option: string]: JsonValue };

/**
 * `given` over `defaults`: unknown options are errors (a typo would otherwise silently keep the
 * default); `undefined` values keep the default.
 */
export function mergeConfig<C extends EntryConfig>(className: string, defaults: C, given: unknown): C {
  if (given === undefined || given === null) return { ...defaults };
  if (typeof given !== 'object' || Array.isArray(given))
    throw new RegularizerConfigError(
      className,
      '(config)',
      given,
      `expected an options object, got ${show(given)}`,
    );
  const known = Object.keys(defaults);
  const out: Record<string, JsonValue> = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    if (!Object.hasOwn(defaults, key))
      throw new RegularizerConfigError(
        className,
        key,
        value,
        `unknown option "${key}" (options: ${known.length ? known.join(', ') : 'none'})`,
      );
    // A copy: the caller's arrays and objects are not shared with the penalty.
    if (value !== undefined) out[key] = structuredClone(value) as JsonValue;
  }
  return out as C;
}

/** Default validation: every option whose default is a number must be a finite number ≥ 0. */
export function checkNumbers(className: string, defaults: EntryConfig, config: EntryConfig): void {
  for (const [key, value] of Object.entries(config))
    if (typeof defaults[key] === 'number') checkCoefficient(className, key, value);
}

/** An axis option: an integer or a non-empty list of distinct integers (checked against the rank on use). */
export function checkAxis(className: string, option: string, value: unknown): number | number[] {
  const ok = (a: unknown) => typeof a === 'number' && Number.isInteger(a);
  if (ok(value)) return value as number;
  if (Array.isArray(value) && value.length > 0 && value.every(ok) && new Set(value).size === value.length)
    return [...(value as number[])];
  throw new RegularizerConfigError(
    className,
    option,
    value,
    `${option} must be an integer or a non-empty list of distinct integers, got ${show(value)}`,
  );
}
