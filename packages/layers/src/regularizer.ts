import { checkRuntime, describeValue, InvalidArgumentError, type Runtime, type Tensor } from '@descent/core';
import type { JsonValue, Serialized } from './types';

/**
 * A weight penalty added to the loss (L1, L2, ...). `@descent/regularizers` provides them; any
 * object of this shape works. To round-trip through a model config, register a factory
 * `(config) => Regularizer` under kind `regularizer` and the same `className`.
 *
 * @example
 * const l2: Regularizer = { className: 'l2', getConfig: () => ({ l2: 0.01 }), penalty: (w) => mul(sum(square(w)), 0.01) };
 * new Dense({ units: 4, kernelRegularizer: l2 });
 */
export interface Regularizer {
  /** The name it is registered under (kind `regularizer`), written to configs. */
  readonly className: string;
  /** Options that rebuild it through its registered factory. */
  getConfig?(): Record<string, JsonValue>;
  /** A scalar to add to the loss; differentiable in `w`. */
  penalty(w: Tensor): Tensor;
}

/**
 * A projection applied to a weight after each optimizer update (max-norm, non-negativity, ...).
 * Registered under kind `constraint` like a regularizer.
 *
 * @example
 * const nonNeg: Constraint = { className: 'nonNeg', apply: (w) => relu(w) };
 * new Dense({ units: 4, kernelConstraint: nonNeg });
 */
export interface Constraint {
  /** The name it is registered under (kind `constraint`), written to configs. */
  readonly className: string;
  /** Options that rebuild it through its registered factory. */
  getConfig?(): Record<string, JsonValue>;
  /** The projected weight, same shape. */
  apply(w: Tensor): Tensor;
}

/** A regularizer by registered name (`'l2'`), as a serialized config, or as an object. */
export type RegularizerSpec = string | Serialized | Regularizer;
/** A constraint by registered name (`'nonNeg'`), as a serialized config, or as an object. */
export type ConstraintSpec = string | Serialized | Constraint;

/** The JSON form of a regularizer or constraint. */
export function serializeEntry(spec: string | Serialized | Regularizer | Constraint): Serialized {
  if (typeof spec === 'string') return { className: spec, config: {} };
  if (spec === null || typeof spec !== 'object' || typeof spec.className !== 'string')
    throw new InvalidArgumentError(
      'serializeEntry',
      `expected a name, a {className, config}, a regularizer or a constraint, got ${describeValue(spec)}`,
    );
  if ('penalty' in spec || 'apply' in spec)
    return { className: spec.className, config: spec.getConfig?.() ?? {} };
  return spec;
}

/**
 * Resolves a regularizer spec through the registry (kind `regularizer`).
 *
 * @example
 * resolveRegularizer(rt, 'l2').penalty(kernel); // with @descent/regularizers installed
 */
export function resolveRegularizer(rt: Runtime, spec: RegularizerSpec): Regularizer {
  return resolveEntry(rt, 'regularizer', 'penalty', spec) as Regularizer;
}

/**
 * Resolves a constraint spec through the registry (kind `constraint`).
 *
 * @example
 * resolveConstraint(rt, 'nonNeg').apply(kernel); // with @descent/regularizers installed
 */
export function resolveConstraint(rt: Runtime, spec: ConstraintSpec): Constraint {
  return resolveEntry(rt, 'constraint', 'apply', spec) as Constraint;
}

function resolveEntry(
  rt: Runtime,
  kind: 'regularizer' | 'constraint',
  method: 'penalty' | 'apply',
  spec: string | Serialized | Regularizer | Constraint,
): unknown {
  checkRuntime(kind === 'regularizer' ? 'resolveRegularizer' : 'resolveConstraint', 'the first argument', rt);
  if (
    typeof spec === 'object' &&
    spec !== null &&
    typeof (spec as unknown as Record<string, unknown>)[method] === 'function'
  )
    return spec;
  const name = typeof spec === 'string' ? spec : (spec as Serialized | undefined)?.className;
  if (typeof name !== 'string')
    throw new InvalidArgumentError(
      kind,
      `expected a name, a {className, config} or an object with ${method}(), got ${JSON.stringify(spec)}`,
    );
  const config = typeof spec === 'string' ? {} : ((spec as Serialized).config ?? {});
  // Kinds typed by @descent/regularizers; here the entry is checked at run time.
  const entry: unknown = rt.registry.get(kind, name);
  const made: unknown = typeof entry === 'function' ? (entry as (c: unknown) => unknown)(config) : entry;
  if (
    typeof made !== 'object' ||
    made === null ||
    typeof (made as Record<string, unknown>)[method] !== 'function'
  )
    throw new InvalidArgumentError(
      kind,
      `the ${kind} registered as "${name}" is not a factory of objects with ${method}()`,
    );
  return made;
}
