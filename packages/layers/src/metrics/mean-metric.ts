import {
  cast,
  checkOptions,
  describeValue,
  fill,
  InvalidArgumentError,
  mul,
  sum,
  type Tensor,
} from '@descent/core';
import { divNoNan, RunningSums } from '../internal/running-sums';
import type { JsonValue } from '../types';

/**
 * A running mean of values (a trainer's epoch loss): `update(values)` adds every element of a
 * tensor, optionally each counted `weight` times (the batch size, for a batch-mean loss).
 *
 * @example
 * const epochLoss = meanMetric({ name: 'loss' });
 * epochLoss.update(lossValue, batchSize);
 * await epochLoss.value();
 */
export class MeanMetric {
  /** The name it is registered under (kind `metric`). */
  readonly className = 'mean';
  /** Display name (default `'mean'`). */
  readonly name: string;
  private readonly sums = new RunningSums(['total', 'count'] as const);

  constructor(options: { name?: string } = {}) {
    checkOptions('MeanMetric', options);
    if (options.name !== undefined && typeof options.name !== 'string')
      throw new InvalidArgumentError(
        'MeanMetric',
        `expected options.name to be a string, got ${describeValue(options.name)}`,
      );
    this.name = options.name ?? 'mean';
  }

  /** Options that rebuild it. */
  getConfig(): Record<string, JsonValue> {
    return { name: this.name };
  }

  /**
   * Adds every element of `values` to the running mean, each counted `weight` times. Nothing is
   * read back.
   */
  update(values: Tensor, weight = 1): void {
    if (!(weight >= 0)) throw new InvalidArgumentError(this.name, `weight must be >= 0, got ${weight}`);
    const rt = values.runtime;
    this.sums.add(rt, () => {
      const f = values.dtype === 'float32' ? values : cast(values, 'float32');
      return {
        total: mul(sum(f), weight),
        count: fill(rt, [], f.size * weight, 'float32', { backend: f.backendName }),
      };
    });
  }

  /** The mean so far, a new scalar the caller owns; needs a first update. */
  result(): Tensor {
    return this.sums.compute(this.name, (get) => divNoNan(get('total'), get('count')));
  }

  /** The mean so far, read back (0 before any update). */
  async value(): Promise<number> {
    if (!this.sums.runtime) return 0;
    const t = this.result();
    try {
      return (await t.data())[0]!;
    } finally {
      t.dispose();
    }
  }

  /** Starts over (at the start of an epoch). */
  reset(): void {
    this.sums.reset();
  }

  /** Frees the state. */
  dispose(): void {
    this.sums.reset();
  }
}

/**
 * A `MeanMetric`.
 *
 * @example
 * const epochLoss = meanMetric({ name: 'loss' });
 */
export function meanMetric(options: { name?: string } = {}): MeanMetric {
  checkOptions('meanMetric', options);
  return new MeanMetric(options);
}
