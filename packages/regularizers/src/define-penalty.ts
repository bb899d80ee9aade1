import { fmtShape, InvalidArgumentError, Tensor } from '@descent/core';
import type { Regularizer } from '@descent/layers';
import type { EntryConfig } from './internal/config';
import { checkDefinition, entryConfigs, onWeight } from './internal/define-entry';

export type { EntryConfig } from './internal/config';

/** What `definePenalty` needs: a name, the options with their defaults, and the penalty. */
export interface PenaltyDefinition<C extends EntryConfig> {
  /** The name configs and the registry use (the built-ins use Keras' class names: `L2`). */
  readonly className: string;
  /** Every option with its default value; a config may hold these keys only. */
  readonly defaults: C;
  /**
   * Checks a complete config (throw `RegularizerConfigError`, e.g. through `checkCoefficient`).
   * Default: every option whose default is a number must be a finite number ≥ 0.
   */
  readonly validate?: (config: Readonly<C>) => void;
  /** The penalty of one weight: a scalar, differentiable in `w`. */
  readonly penalty: (w: Tensor, config: Readonly<C>) => Tensor;
}

/** A penalty made by `definePenalty`: a layers `Regularizer` that also exposes its config. */
export interface Penalty<C extends EntryConfig = EntryConfig> extends Regularizer {
  readonly className: string;
  /** The validated options (frozen). */
  readonly config: Readonly<C>;
  /** A copy of `config`: what a saved model keeps. */
  getConfig(): C;
  /** The scalar penalty of `w`; temporaries are freed, the tape sees the ops. */
  penalty(w: Tensor): Tensor;
}

/**
 * A factory of penalties from a (partial) config: what the registry holds under kind
 * `regularizer`, and what loading a model config calls with the saved options.
 */
export interface PenaltyFactory<C extends EntryConfig = EntryConfig> {
  (config?: Partial<C>): Penalty<C>;
  /** The Keras class name it is registered and saved under (`L2`). */
  readonly className: string;
  /** The option values used when a config leaves them out. */
  readonly defaults: Readonly<C>;
}

/**
 * Defines a penalty: the plugin interface for custom penalties, and how the built-ins are
 * written. Register the factory under kind `regularizer` with its `className` in a plugin, and
 * a model saved with the penalty loads with it.
 *
 * @example
 * // Group lasso: λ·Σ_j ‖w[:, j]‖₂ (whole output units go to zero together).
 * const groupLasso = definePenalty({
 *   className: 'GroupLasso',
 *   defaults: { lambda: 0.01 },
 *   penalty: (w, { lambda }) => mul(sum(sqrt(sum(square(w), 0))), lambda),
 * });
 * const plugin: Plugin = { name: 'my-penalties', version: '1.0.0', install: (ctx) => ctx.register('regularizer', 'GroupLasso', groupLasso) };
 * new Dense({ units: 8, kernelRegularizer: groupLasso({ lambda: 1e-3 }) });
 */
export function definePenalty<C extends EntryConfig>(definition: PenaltyDefinition<C>): PenaltyFactory<C> {
  checkDefinition('definePenalty', definition);
  const { className, penalty } = definition;
  const { defaults, configure } = entryConfigs('definePenalty', 'penalty', definition, penalty);
  const factory = (given?: Partial<C>): Penalty<C> => {
    const config = configure(given);
    return {
      className,
      config,
      getConfig: () => structuredClone(config) as C,
      penalty(w: Tensor): Tensor {
        const out = onWeight(className, 'penalty', w, (t) => penalty(t, config));
        if (!(out instanceof Tensor) || out.rank !== 0) {
          const what = out instanceof Tensor ? `shape ${fmtShape(out.shape)}` : typeof out;
          if (out instanceof Tensor && out !== w) out.dispose();
          throw new InvalidArgumentError(className, `a penalty must be a scalar, got ${what}`);
        }
        return out;
      },
    };
  };
  return Object.assign(factory, { className, defaults });
}
