import {
  add,
  div,
  fill,
  greater,
  InvalidArgumentError,
  maximum,
  type Runtime,
  type Tensor,
  where,
} from '@descent/core';

/**
 * Scalar sums kept on the device across batches (a metric's state). Each `add` runs in a tidy;
 * the new sums are kept, the old ones freed.
 */
export class RunningSums<K extends string> {
  private rt: Runtime | undefined;
  private readonly sums = new Map<K, Tensor>();

  constructor(private readonly keys: readonly K[]) {}

  get runtime(): Runtime | undefined {
    return this.rt;
  }

  /** Adds `increments(…)` (scalars, computed in a tidy) to the sums. */
  add(rt: Runtime, increments: () => Record<K, Tensor>): void {
    this.rt = rt;
    rt.tidy(() => {
      const inc = increments();
      for (const k of this.keys) {
        const prev = this.sums.get(k);
        const next = rt.keep(prev ? add(prev, inc[k]) : add(inc[k], 0));
        prev?.dispose();
        this.sums.set(k, next);
      }
    });
  }

  /** A new scalar computed from the sums (0 for sums not started); needs a first update. */
  compute(metric: string, fn: (get: (k: K) => Tensor) => Tensor): Tensor {
    const rt = this.rt;
    if (!rt)
      throw new InvalidArgumentError(
        metric,
        'result() needs a first update (to know the runtime); value() gives 0 before any',
      );
    return rt.tidy(() => fn((k) => this.sums.get(k) ?? fill(rt, [], 0)));
  }

  reset(): void {
    for (const t of this.sums.values()) t.dispose();
    this.sums.clear();
  }
}

/** a / b, 0 where b is 0 (Keras' divide_no_nan). */
export function divNoNan(a: Tensor, b: Tensor): Tensor {
  return where(greater(b, 0), div(a, maximum(b, 1e-30)), 0);
}
