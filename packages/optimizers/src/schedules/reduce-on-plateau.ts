import { InvalidArgumentError } from '@descent/core';
import { num } from '../internal/schedule-options';

/** Options of `reduceOnPlateau`. */
export interface ReduceOnPlateauOptions {
  /** The value (learning rate) to start from. */
  initValue: number;
  /** 'min' when lower metrics are better (a loss), 'max' when higher are (an accuracy). Default 'min'. */
  mode?: 'min' | 'max';
  /** Multiplies the value on a plateau. Default 0.1. */
  factor?: number;
  /** Metrics without improvement tolerated before reducing. Default 10. */
  patience?: number;
  /** How much better a metric must be to count as an improvement. Default 1e-4. */
  threshold?: number;
  /** 'rel': better than `best · (1 ∓ threshold)`; 'abs': better than `best ∓ threshold`. Default 'rel'. */
  thresholdMode?: 'rel' | 'abs';
  /** Metrics to ignore after a reduction. Default 0. */
  cooldown?: number;
  /** The value never goes below this. Default 0. */
  minValue?: number;
  /** Reductions smaller than this are skipped. Default 1e-8. */
  eps?: number;
}

/** The controller's state: plain numbers (`best` null before the first metric), so it checkpoints as JSON. */
export interface PlateauState {
  /** The value (learning rate) to use now. */
  readonly value: number;
  /** The best metric so far (null before the first). */
  readonly best: number | null;
  /** Metrics in a row without improvement. */
  readonly badSteps: number;
  /** Metrics still to ignore after the last reduction. */
  readonly cooldown: number;
  /** Metrics seen in all. */
  readonly steps: number;
}

/** A reduce-on-plateau controller: `update` takes a metric and returns the next state (its `value` is the rate to use). */
export interface ReduceOnPlateau {
  /** The starting state: `value` is `initValue`. */
  init(): PlateauState;
  /**
   * Takes the latest metric (a validation loss, say) and returns the next state; reduces `value`
   * after `patience` metrics without improvement.
   */
  update(state: PlateauState, metric: number): PlateauState;
}

/**
 * Reduces a value (the learning rate) by `factor` when a metric stops improving for `patience`
 * evaluations (PyTorch's `ReduceLROnPlateau`, step for step). The trainer drives it, e.g. once
 * per epoch with the validation loss, and writes `state.value` into the optimizer's state with
 * `setHyperparams`. A NaN metric counts as no improvement.
 *
 * @example
 * const plateau = reduceOnPlateau({ initValue: 1e-3, patience: 2 });
 * let ps = plateau.init();
 * ps = plateau.update(ps, valLoss);
 * optState = setHyperparams(optState, { learningRate: ps.value });
 */
export function reduceOnPlateau(options: ReduceOnPlateauOptions): ReduceOnPlateau {
  const name = 'reduceOnPlateau';
  const initValue = num(name, 'initValue', options?.initValue, 'nonNegative');
  const mode = options.mode ?? 'min';
  const thresholdMode = options.thresholdMode ?? 'rel';
  if (mode !== 'min' && mode !== 'max')
    throw new InvalidArgumentError(name, `mode must be 'min' or 'max', got ${JSON.stringify(mode)}`);
  if (thresholdMode !== 'rel' && thresholdMode !== 'abs') {
    throw new InvalidArgumentError(
      name,
      `thresholdMode must be 'rel' or 'abs', got ${JSON.stringify(thresholdMode)}`,
    );
  }
  const factor = num(name, 'factor', options.factor ?? 0.1, 'unitInterval');
  const patience = num(name, 'patience', options.patience ?? 10, 'nonNegative');
  const threshold = num(name, 'threshold', options.threshold ?? 1e-4, 'nonNegative');
  const cooldown = num(name, 'cooldown', options.cooldown ?? 0, 'nonNegative');
  const minValue = num(name, 'minValue', options.minValue ?? 0, 'nonNegative');
  const eps = num(name, 'eps', options.eps ?? 1e-8, 'nonNegative');
  const better = (a: number, best: number | null): boolean => {
    if (best === null) return !Number.isNaN(a);
    if (mode === 'min') return thresholdMode === 'rel' ? a < best * (1 - threshold) : a < best - threshold;
    return thresholdMode === 'rel' ? a > best * (1 + threshold) : a > best + threshold;
  };
  return {
    init: () => ({ value: initValue, best: null, badSteps: 0, cooldown: 0, steps: 0 }),
    update(state, metric) {
      if (typeof metric !== 'number')
        throw new InvalidArgumentError(name, `metric must be a number, got ${typeof metric}`);
      let { value, best, badSteps, cooldown: cooling } = state;
      if (better(metric, best)) {
        best = metric;
        badSteps = 0;
      } else {
        badSteps++;
      }
      if (cooling > 0) {
        cooling--;
        badSteps = 0;
      }
      if (badSteps > patience) {
        const reduced = Math.max(value * factor, minValue);
        if (value - reduced > eps) value = reduced;
        cooling = cooldown;
        badSteps = 0;
      }
      return { value, best, badSteps, cooldown: cooling, steps: state.steps + 1 };
    },
  };
}
