import { fmtShape, InvalidArgumentError, shapesEqual, Tensor } from '@descent/core';
import type { Constraint } from '@descent/layers';
import type { EntryConfig } from './internal/config';
import { checkDefinition, entryConfigs, onWeight } from './internal/define-entry';

/** What `defineConstraint` needs: a name, the options with their defaults, and the projection. */
export interface ConstraintDefinition<C extends EntryConfig> {
  /** The name configs and the registry use (the built-ins use Keras' class names: `MaxNorm`). */
  readonly className: string;
  /** Every option with its default value; a config may hold these keys only. */
  readonly defaults: C;
  /**
   * Checks a complete config (throw `RegularizerConfigError`). Default: every option whose
   * default is a number must be a finite number ≥ 0.
   */
  readonly validate?: (config: Readonly<C>) => void;
  /** The projected weight: same shape and dtype as `w`. */
  readonly apply: (w: Tensor, config: Readonly<C>) => Tensor;
}

/** A constraint made by `defineConstraint`: a layers `Constraint` that also exposes its config. */
export interface WeightConstraint<C extends EntryConfig = EntryConfig> extends Constraint {
  readonly className: string;
  /** The validated options (frozen). */
  readonly config: Readonly<C>;
  /** A copy of `config`: what a saved model keeps. */
  getConfig(): C;
  /** `w` projected into the constraint's set; temporaries are freed. */
  apply(w: Tensor): Tensor;
}

/** A factory of constraints from a (partial) config: what the registry holds under kind `constraint`. */
export interface WeightConstraintFactory<C extends EntryConfig = EntryConfig> {
  (config?: Partial<C>): WeightConstraint<C>;
  /** The Keras class name it is registered and saved under (`MaxNorm`). */
  readonly className: string;
  /** The option values used when a config leaves them out. */
  readonly defaults: Readonly<C>;
}

/**
 * Defines a weight constraint (a projection applied after each optimizer update), the way the
 * built-ins are written. Register the factory under kind `constraint` with its `className`.
 *
 * @example
 * const clipValue = defineConstraint({
 *   className: 'ClipValue',
 *   defaults: { limit: 1 },
 *   apply: (w, { limit }) => clip(w, -limit, limit),
 * });
 * new Dense({ units: 8, kernelConstraint: clipValue({ limit: 0.5 }) });
 */
export function defineConstraint<C extends EntryConfig>(
  definition: ConstraintDefinition<C>,
): WeightConstraintFactory<C> {
  checkDefinition('defineConstraint', definition);
  const { className, apply } = definition;
  const { defaults, configure } = entryConfigs('defineConstraint', 'apply', definition, apply);
  const factory = (given?: Partial<C>): WeightConstraint<C> => {
    const config = configure(given);
    return {
      className,
      config,
      getConfig: () => structuredClone(config) as C,
      apply(w: Tensor): Tensor {
        const out = onWeight(className, 'apply', w, (t) => apply(t, config));
        if (!(out instanceof Tensor) || !shapesEqual(out.shape, w.shape) || out.dtype !== w.dtype) {
          const what = out instanceof Tensor ? `${out.dtype} ${fmtShape(out.shape)}` : typeof out;
          if (out instanceof Tensor && out !== w) out.dispose();
          throw new InvalidArgumentError(
            className,
            `a constraint must keep the weight's shape and dtype (${w.dtype} ${fmtShape(w.shape)}), got ${what}`,
          );
        }
        return out;
      },
    };
  };
  return Object.assign(factory, { className, defaults });
}
