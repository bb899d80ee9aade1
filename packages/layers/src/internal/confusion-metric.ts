import { cast, greater, logicalAnd, logicalNot, sum, type Tensor } from '@descent/core';
import type { Metric, MetricOptions } from '../metrics/metric';
import type { JsonValue } from '../types';
import { sameShapeMetric } from './metric-checks';
import { num } from './options';
import { RunningSums } from './running-sums';

/** Options of the thresholded metrics (precision, recall and the other confusion-matrix metrics). */
export interface ThresholdOptions extends MetricOptions {
  /** Predictions above it count as positive (default 0.5; use 0 for logits). */
  threshold?: number;
}

/** Counts of true positives, false positives and false negatives over every element seen. */
export abstract class ConfusionMetric implements Metric {
  abstract readonly className: string;
  readonly threshold: number;
  private readonly displayName: string | undefined;
  protected readonly sums = new RunningSums(['tp', 'fp', 'fn'] as const);

  constructor(op: string, options: ThresholdOptions) {
    this.displayName = options.name;
    this.threshold = num(op, 'threshold', options.threshold, 0.5);
  }

  get name(): string {
    return this.displayName ?? this.className;
  }

  getConfig(): Record<string, JsonValue> {
    return { ...(this.displayName ? { name: this.displayName } : {}), threshold: this.threshold };
  }

  update(yTrue: Tensor, yPred: Tensor): void {
    sameShapeMetric(this.name, yTrue, yPred);
    this.sums.add(yPred.runtime, () => {
      const pred = greater(yPred, this.threshold);
      const truth = cast(yTrue, 'bool');
      const count = (m: Tensor) => sum(cast(m, 'float32'));
      return {
        tp: count(logicalAnd(pred, truth)),
        fp: count(logicalAnd(pred, logicalNot(truth))),
        fn: count(logicalAnd(logicalNot(pred), truth)),
      };
    });
  }

  abstract result(): Tensor;

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
