import { checkRuntime, InvalidArgumentError, type Runtime } from '@descent/core';
import type { JsonValue, Serialized } from '../types';
import { builtinMetrics } from './builtin-metrics';
import type { Metric } from './metric';

/** A metric by registered name, as `{className, config}`, or as an object. */
export type MetricSpec = string | Serialized | Metric;

/**
 * Resolves a metric spec (what a trainer accepts): names go through the registry (kind
 * `metric`), then the built-ins; each call makes a fresh metric for names.
 *
 * @example
 * const acc = resolveMetric(rt, 'sparseCategoricalAccuracy');
 */
export function resolveMetric(rt: Runtime, spec: MetricSpec): Metric {
  checkRuntime('resolveMetric', 'the first argument', rt);
  if (typeof spec === 'object' && spec !== null && typeof (spec as Metric).update === 'function')
    return spec as Metric;
  const [name, config] =
    typeof spec === 'string'
      ? [spec, {}]
      : [(spec as Serialized)?.className, (spec as Serialized)?.config ?? {}];
  if (typeof name !== 'string')
    throw new InvalidArgumentError(
      'metric',
      `expected a metric name, {className, config} or Metric, got ${JSON.stringify(spec)}`,
    );
  const factory =
    rt.registry.find('metric', name)?.value ?? builtinMetrics[name] ?? rt.registry.get('metric', name);
  return factory(config as Record<string, JsonValue>);
}
