import { checkRuntime, InvalidArgumentError, type Runtime, type Tensor } from '@descent/core';
import type { JsonValue, Serialized } from '../types';
import { builtinLosses } from './builtin-losses';
import type { Loss } from './loss';

/** A loss by registered name, as `{className, config}`, as a `Loss`, or a plain function. */
export type LossSpec = string | Serialized | Loss | ((yTrue: Tensor, yPred: Tensor) => Tensor);

/**
 * Resolves a loss spec (what a trainer accepts): a function is used as it is; names go through
 * the registry (kind `loss`), then the built-ins.
 *
 * @example
 * const loss = resolveLoss(rt, 'sparseCategoricalCrossentropy');
 */
export function resolveLoss(rt: Runtime, spec: LossSpec): (yTrue: Tensor, yPred: Tensor) => Tensor {
  checkRuntime('resolveLoss', 'the first argument', rt);
  if (typeof spec === 'function') return spec;
  const [name, config] = typeof spec === 'string' ? [spec, {}] : [spec?.className, spec?.config ?? {}];
  if (typeof name !== 'string')
    throw new InvalidArgumentError(
      'loss',
      `expected a loss name, {className, config} or function, got ${JSON.stringify(spec)}`,
    );
  const factory =
    rt.registry.find('loss', name)?.value ?? builtinLosses[name] ?? rt.registry.get('loss', name);
  return factory(config as Record<string, JsonValue>);
}
