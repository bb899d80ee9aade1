import {
  checkRuntime,
  describeValue,
  InvalidArgumentError,
  type Runtime,
  UnknownPluginError,
} from '@descent/core';
import type { GradientTransform, OptState } from './gradient-transform';
import type { OptimizerFactory } from './registry-kinds';
import { deserializeState } from './state/deserialize-state';
import type { JsonValue, SerializedState } from './state/serialized-state';

/**
 * How a checkpoint refers to an optimizer: the registered name, the plugin (and version) that
 * registered it when the state was saved, and the options to build it with.
 */
export interface OptimizerRef {
  /** The name the optimizer is registered under (`'adam'`). */
  readonly name: string;
  /** The plugin that registered it, quoted if it is missing on restore. */
  readonly plugin?: string;
  /** That plugin's version. */
  readonly version?: string;
  /** The options to build it with (JSON). */
  readonly options?: { readonly [key: string]: JsonValue };
}

/**
 * A reference to a registered optimizer, recording the plugin that provides it, for
 * `serializeState(state, { optimizer })`. Options must be JSON (numbers, not schedule functions).
 *
 * @example
 * const ref = optimizerRef(rt, 'adam', { learningRate: 1e-3 });
 * // { name: 'adam', plugin: '@descent/optimizers', version: '0.0.0', options: { learningRate: 0.001 } }
 */
export function optimizerRef(
  rt: Runtime,
  name: string,
  options?: { readonly [key: string]: JsonValue },
): OptimizerRef {
  checkRuntime('optimizerRef', 'the first argument', rt);
  if (typeof name !== 'string')
    throw new InvalidArgumentError('optimizerRef', `expected an optimizer name, got ${describeValue(name)}`);
  const entry = rt.registry.find('optimizer', name);
  if (!entry) rt.registry.get('optimizer', name);
  const plugin = entry!.plugin;
  const version = rt.plugins().find((p) => p.name === plugin)?.version;
  if (options !== undefined) assertJson('optimizerRef', options, 'options');
  return {
    name,
    plugin,
    ...(version !== undefined ? { version } : {}),
    ...(options !== undefined ? { options } : {}),
  };
}

/**
 * The transform a registered optimizer factory makes, by name or from a checkpoint's reference.
 * An unregistered name throws `UnknownPluginError`: for a reference that recorded its plugin the
 * message names that plugin (and version); otherwise the registry's hint names the package that
 * provides optimizers.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), optimizers(), myOptimizerPlugin()] });
 * const tx = resolveOptimizer(rt, { name: 'adabelief', options: { learningRate: 1e-3 } });
 */
export function resolveOptimizer(rt: Runtime, ref: string | OptimizerRef): GradientTransform {
  checkRuntime('resolveOptimizer', 'the first argument', rt);
  const r: OptimizerRef = typeof ref === 'string' ? { name: ref } : ref;
  if (typeof r?.name !== 'string') {
    throw new InvalidArgumentError(
      'resolveOptimizer',
      `expected an optimizer name, got ${JSON.stringify(r?.name)}`,
    );
  }
  const factory: OptimizerFactory | undefined = rt.registry.find('optimizer', r.name)?.value;
  if (factory) return factory(r.options);
  if (r.plugin) {
    const known = rt.registry.names('optimizer');
    const version = r.version ? ` ${r.version}` : '';
    throw new UnknownPluginError(
      'optimizer',
      r.name,
      `The state was saved with the optimizer "${r.name}" of plugin "${r.plugin}"${version}, which this runtime does not have: install ${r.plugin} and add its plugin to the runtime. ${known.length ? `Registered: ${known.join(', ')}.` : 'No optimizer is registered.'}`,
    );
  }
  return rt.registry.get('optimizer', r.name)(r.options);
}

/**
 * Restores an optimizer from a serialized state that recorded its reference: resolves the
 * optimizer first (so a missing plugin fails before anything is allocated), then rebuilds the
 * state on `rt`.
 *
 * @example
 * const { transform, state } = restoreOptimizer(rt, { json, payload });
 */
export function restoreOptimizer<S extends OptState = OptState>(
  rt: Runtime,
  serialized: SerializedState,
  options: { backend?: string } = {},
): {
  /** The optimizer, rebuilt from its registered name and options. */
  transform: GradientTransform;
  /** Its state, on the runtime's backend (or `options.backend`). */
  state: S;
} {
  const ref = serialized?.json?.optimizer;
  if (!ref) {
    throw new InvalidArgumentError(
      'restoreOptimizer',
      'the serialized state records no optimizer; pass { optimizer: optimizerRef(...) } to serializeState, or use deserializeState with your own transform',
    );
  }
  const transform = resolveOptimizer(rt, ref);
  return { transform, state: deserializeState<S>(rt, serialized, options) };
}

function assertJson(op: string, v: unknown, path: string): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new InvalidArgumentError(op, `${path} is ${v}, which JSON cannot hold`);
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      assertJson(op, x, `${path}[${i}]`);
    });
    return;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v)) assertJson(op, x, `${path}.${k}`);
    return;
  }
  throw new InvalidArgumentError(
    op,
    `${path} is ${typeof v === 'function' ? 'a function (a schedule?)' : typeof v}; a checkpoint can only record JSON options`,
  );
}
