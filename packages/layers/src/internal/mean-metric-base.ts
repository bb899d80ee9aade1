import { cast, fill, sum, type Tensor } from '@descent/core';
import type { Metric, MetricOptions } from '../metrics/metric';
import type { JsonValue } from '../types';
import { divNoNan, RunningSums } from './running-sums';

/** A metric that is the mean of per-sample values over every batch seen. */
export abstract class MeanMetricBase implements Metric {
  abstract readonly className: string;
  private readonly displayName: string | undefined;
  protected readonly sums = new RunningSums(['total', 'count'] as const);

  constructor(options: MetricOptions = {}) {
    this.displayName = options.name;
  }

  get name(): string {
    return this.displayName ?? this.className;
  }

  /** Per-sample values of a batch (any shape; every element counts once). */
  protected abstract values(yTrue: Tensor, yPred: Tensor): Tensor;

  getConfig(): Record<string, JsonValue> {
    return this.displayName ? { name: this.displayName } : {};
  }

  update(yTrue: Tensor, yPred: Tensor): void {
    const rt = yPred.runtime;
    this.sums.add(rt, () => {
      const v = this.values(yTrue, yPred);
      const f = v.dtype === 'float32' ? v : cast(v, 'float32');
      return { total: sum(f), count: fill(rt, [], f.size, 'float32', { backend: f.backendName }) };
    });
  }

  result(): Tensor {
    return this.sums.compute(this.name, (get) => divNoNan(get('total'), get('count')));
  }

  async value(): Promise<number> {
    if (!this.sums.runtime) return 0;
    const t = this.result();
    try {
      return (await t.data())[0]!;
    } finally {
      t.dispose();
    }
  }

  reset(): void {
    this.sums.reset();
  }

  dispose(): void {
    this.sums.reset();
  }
}
