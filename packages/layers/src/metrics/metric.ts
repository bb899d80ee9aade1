import type { Tensor } from '@descent/core';
import type { JsonValue } from '../types';

/**
 * A running metric: `update` folds in a batch on the device (no read-back), `result` gives the
 * value so far as a scalar tensor, `value()` reads it, `reset` starts over (each epoch).
 *
 * @example
 * const acc = sparseCategoricalAccuracy();
 * for (const { x, y } of batches) acc.update(y, model.call(x));
 * console.log(await acc.value());
 * acc.reset();
 */
export interface Metric {
  /** The name it is registered under (kind `metric`). */
  readonly className: string;
  /** Display name (default: the class name). */
  readonly name: string;
  /** Options that rebuild it through its registered factory. */
  getConfig(): Record<string, JsonValue>;
  /** Folds one batch into the running state, on the device (nothing is read back). */
  update(yTrue: Tensor, yPred: Tensor): void;
  /** The value so far (0 after a reset), a new scalar the caller owns; needs a first update. */
  result(): Tensor;
  /** The value so far, read back (0 before any update). */
  value(): Promise<number>;
  /** Starts over (at the start of an epoch). */
  reset(): void;
  /** Frees the state. */
  dispose(): void;
}

/** What the registry holds under kind `metric`: a factory from a config. */
export type MetricFactory = (config?: Record<string, JsonValue>) => Metric;

/** Options every built-in metric takes. */
export interface MetricOptions {
  /** Display name. */
  name?: string;
}
