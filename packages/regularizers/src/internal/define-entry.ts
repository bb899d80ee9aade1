import { describeValue, InvalidArgumentError, Tensor } from '@descent/core';
import { checkNumbers, type EntryConfig, mergeConfig } from './config';

/**
 * What `definePenalty` and `defineConstraint` share: checking the definition, freezing the
 * defaults, and turning a (partial) user config into a validated, frozen one.
 */
export function entryConfigs<C extends EntryConfig>(
  op: string,
  fnName: string,
  definition: {
    readonly className: string;
    readonly defaults: C;
    readonly validate?: (config: Readonly<C>) => void;
  },
  fn: unknown,
): { defaults: Readonly<C>; configure: (given?: Partial<C>) => Readonly<C> } {
  const { className, defaults, validate } = definition;
  if (typeof className !== 'string' || className === '')
    throw new InvalidArgumentError(
      op,
      `className must be a non-empty string, got ${describeValue(className)}`,
    );
  if (typeof fn !== 'function')
    throw new InvalidArgumentError(
      op,
      `${className}: ${fnName} must be a function, got ${describeValue(fn)}`,
    );
  if (defaults === null || typeof defaults !== 'object' || Array.isArray(defaults))
    throw new InvalidArgumentError(
      op,
      `${className}: defaults must be an object of option values, got ${describeValue(defaults)}`,
    );
  if (validate !== undefined && typeof validate !== 'function')
    throw new InvalidArgumentError(
      op,
      `${className}: validate must be a function, got ${describeValue(validate)}`,
    );
  const frozen = Object.freeze(structuredClone(defaults));
  return {
    defaults: frozen,
    configure: (given) => {
      const config = Object.freeze(mergeConfig(className, frozen as C, given));
      if (validate) validate(config);
      else checkNumbers(className, frozen, config);
      return config;
    },
  };
}

/** Throws unless a definition given to `op` is an object (before it is destructured). */
export function checkDefinition(op: string, definition: unknown): void {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition))
    throw new InvalidArgumentError(
      op,
      `expected a definition { className, defaults, ... }, got ${describeValue(definition)}`,
    );
}

/** Runs a penalty or constraint on a live weight tensor, freeing its temporaries. */
export function onWeight(className: string, method: string, w: unknown, fn: (w: Tensor) => Tensor): Tensor {
  if (!(w instanceof Tensor))
    throw new InvalidArgumentError(className, `${method} expects a Tensor, got ${typeof w}`);
  w.assertAlive(`${className}.${method}`);
  return w.runtime.tidy(() => fn(w));
}
