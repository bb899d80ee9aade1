import {
  checkRuntime,
  describeValue,
  InvalidArgumentError,
  type Runtime,
  type Shape,
  type Tensor,
} from '@descent/core';
import type { JsonValue, Serialized } from '../types';
import { builtinInitializers } from './builtin-initializers';

/**
 * Makes a layer's starting weights. Random ones draw from the runtime's seeded RNG, so the
 * same seed gives the same weights on every backend.
 *
 * @example
 * const init: Initializer = {
 *   className: 'halves',
 *   getConfig: () => ({}),
 *   init: (rt, shape) => fill(rt, shape, 0.5),
 * };
 * new Dense({ units: 4, kernelInitializer: init });
 */
export interface Initializer {
  /** The name it is registered under (kind `initializer`), written to configs. */
  readonly className: string;
  /** Options that rebuild it through its registered factory. */
  getConfig(): Record<string, JsonValue>;
  /** A new float32 tensor of `shape`. */
  init(rt: Runtime, shape: Shape): Tensor;
}

/** What the registry holds under kind `initializer`: a factory from a config. */
export type InitializerFactory = (config?: Record<string, JsonValue>) => Initializer;

/** An initializer by registered name (`'heNormal'`), as a serialized config, or as an object. */
export type InitializerSpec = string | Serialized | Initializer;

function isInitializer(x: unknown): x is Initializer {
  return typeof x === 'object' && x !== null && typeof (x as Initializer).init === 'function';
}

/**
 * The initializer a spec names: registered entries first (so a plugin may replace a built-in),
 * then the built-ins, so layers work without the `layers()` plugin too.
 *
 * @example
 * resolveInitializer(rt, 'heNormal').init(rt, [784, 128]);
 */
export function resolveInitializer(rt: Runtime, spec: InitializerSpec): Initializer {
  checkRuntime('resolveInitializer', 'the first argument', rt);
  if (isInitializer(spec)) return spec;
  const [name, config] = typeof spec === 'string' ? [spec, {}] : [spec?.className, spec?.config ?? {}];
  if (typeof name !== 'string')
    throw new InvalidArgumentError(
      'initializer',
      `expected a name, a {className, config} or an Initializer, got ${JSON.stringify(spec)}`,
    );
  const factory = rt.registry.find('initializer', name)?.value ?? builtinInitializers[name];
  return (factory ?? rt.registry.get('initializer', name))(config as Record<string, JsonValue>);
}

/**
 * The JSON form of a spec.
 *
 * @example
 * serializeInitializer(new RandomNormal({ std: 0.01 })); // { className: 'randomNormal', config: { mean: 0, std: 0.01 } }
 */
export function serializeInitializer(spec: InitializerSpec): Serialized {
  if (typeof spec === 'string') return { className: spec, config: {} };
  if (isInitializer(spec)) return { className: spec.className, config: spec.getConfig() };
  if (spec === null || typeof spec !== 'object' || typeof spec.className !== 'string')
    throw new InvalidArgumentError(
      'serializeInitializer',
      `expected a name, a {className, config} or an Initializer, got ${describeValue(spec)}`,
    );
  return spec;
}
