import { InvalidArgumentError, type Runtime, type Tensor } from '@descent/core';
import { type LossSpec, type Metric, type MetricSpec, resolveLoss, resolveMetric } from '@descent/layers';
import {
  type GradientTransform,
  type JsonValue,
  namedOptimizers,
  OPTIMIZERS_PLUGIN,
  type OptimizerRef,
  optimizerRef,
} from '@descent/optimizers';

/** An optimizer: a registered name, `{ name, options }`, or a transform object. */
export type OptimizerSpec =
  | string
  | {
      /** A registered optimizer name (`'adam'`). */
      readonly name: string;
      /** The options to build it with. */
      readonly options?: { readonly [key: string]: unknown };
    }
  | GradientTransform;

export interface ResolvedOptimizer {
  readonly transform: GradientTransform;
  /** How a checkpoint names it (absent for a transform object). */
  readonly ref: OptimizerRef | undefined;
}

/**
 * Names go through the registry (a custom optimizer plugin's name works), then the built-ins of
 * `@descent/optimizers`, so `'adam'` works without installing its plugin.
 */
export function resolveOptimizerSpec(rt: Runtime, spec: OptimizerSpec): ResolvedOptimizer {
  if (isTransform(spec)) return { transform: spec, ref: undefined };
  const { name, options } = typeof spec === 'string' ? { name: spec, options: undefined } : (spec ?? {});
  if (typeof name !== 'string')
    throw new InvalidArgumentError(
      'fit',
      `optimizer must be a name, { name, options } or a gradient transform, got ${JSON.stringify(spec)}`,
    );
  const registered = rt.registry.find('optimizer', name);
  const factory = registered?.value ?? namedOptimizers[name] ?? rt.registry.get('optimizer', name);
  const transform = factory(options);
  let ref: OptimizerRef;
  try {
    ref = registered
      ? optimizerRef(rt, name, options as { [key: string]: JsonValue } | undefined)
      : {
          name,
          plugin: OPTIMIZERS_PLUGIN,
          ...(options ? { options: options as { [key: string]: JsonValue } } : {}),
        };
  } catch {
    // Options a checkpoint cannot hold (a schedule function): record the name only.
    ref = registered ? optimizerRef(rt, name) : { name, plugin: OPTIMIZERS_PLUGIN };
  }
  return { transform, ref };
}

function isTransform(v: unknown): v is GradientTransform {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as GradientTransform).init === 'function' &&
    typeof (v as GradientTransform).update === 'function'
  );
}

export interface ResolvedLoss {
  readonly fn: (yTrue: Tensor, yPred: Tensor) => Tensor;
  /** The registered class name (`sparseCategoricalCrossentropy`), when known. */
  readonly className: string | undefined;
}

export function resolveLossSpec(rt: Runtime, spec: LossSpec): ResolvedLoss {
  if (spec === undefined || spec === null)
    throw new InvalidArgumentError('fit', 'a loss is required, e.g. loss: "sparseCategoricalCrossentropy"');
  const fn = resolveLoss(rt, spec);
  const className = (fn as { className?: unknown }).className;
  return { fn, className: typeof className === 'string' ? className : undefined };
}

/**
 * Metrics by object or registered name; `'accuracy'` (or `'acc'`) picks the accuracy that fits
 * the loss, as Keras does.
 */
export function resolveMetricSpecs(
  rt: Runtime,
  specs: readonly MetricSpec[],
  lossClass: string | undefined,
): Metric[] {
  if (!Array.isArray(specs)) throw new InvalidArgumentError('fit', 'metrics must be an array');
  const metrics = specs.map((spec) => {
    if (spec === 'accuracy' || spec === 'acc') {
      const className =
        lossClass === 'categoricalCrossentropy'
          ? 'categoricalAccuracy'
          : lossClass === 'binaryCrossentropy'
            ? 'binaryAccuracy'
            : 'sparseCategoricalAccuracy';
      return resolveMetric(rt, { className, config: { name: 'accuracy' } });
    }
    return resolveMetric(rt, spec);
  });
  const seen = new Set<string>();
  for (const m of metrics) {
    if (seen.has(m.name) || m.name === 'loss')
      throw new InvalidArgumentError('fit', `two metrics are named "${m.name}"; give one a name ({ name })`);
    seen.add(m.name);
  }
  return metrics;
}
