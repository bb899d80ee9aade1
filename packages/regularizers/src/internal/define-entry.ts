import { InvalidArgumentError, Tensor } from '@descent/core';
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
    throw new InvalidArgumentError(op, `className must be a non-empty string, got ${className}`);
  if (typeof fn !== 'function')
    throw new InvalidArgumentError(op, `${className}: ${fnName} must be a function`);
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

/** Runs a penalty or constraint on a live weight tensor, freeing its temporaries. */
export function onWeight(className: string, method: string, w: unknown, fn: (w: Tensor) => Tensor): Tensor {
  if (!(w instanceof Tensor))
    throw new InvalidArgumentError(className, `${method} expects a Tensor, got ${typeof w}`);
  w.assertAlive(`${className}.${method}`);
  return w.runtime.tidy(() => fn(w));
}
