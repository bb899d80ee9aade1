import type { Shape } from '@descent/core';
import { stridesOf } from '@descent/core';
import { coalesce, dot, type Emitter, num, unravel } from './codegen';

/**
 * The input offsets a reduction visits: `base` is the offset of the output element's first
 * reduced element, and `forEach` emits nested constant-bound loops over the reduced axes
 * (coalesced where contiguous), calling `body` with the offset of each element in row-major
 * order of the reduced axes.
 */
export interface ReductionWalk {
  readonly base: string;
  readonly count: number;
  forEach(body: (offset: string) => void): void;
}

export function reductionWalk(
  e: Emitter,
  index: string,
  shape: Shape,
  axes: readonly number[],
): ReductionWalk {
  const strides = stridesOf(shape);
  const kept = [...shape.keys()].filter((a) => !axes.includes(a));
  const [keptShape, [keptStrides]] = coalesce(
    kept.map((a) => shape[a]!),
    [kept.map((a) => strides[a]!)],
  ) as [number[], [number[]]];
  const base = keptShape.length ? e.let(dot(unravel(e, index, keptShape), keptStrides)) : '0.0';
  const [redShape, [redStrides]] = coalesce(
    axes.map((a) => shape[a]!),
    [axes.map((a) => strides[a]!)],
  ) as [number[], [number[]]];
  const count = axes.reduce((n, a) => n * shape[a]!, 1);
  return {
    base,
    count,
    forEach(body) {
      const counters = redShape.map(() => e.fresh());
      for (const [i, d] of redShape.entries()) {
        e.line(`for (let ${counters[i]} = 0; ${counters[i]} < ${d}; ${counters[i]}++) {`);
      }
      const terms = counters.map((k, i) => (redStrides[i] === 1 ? k : `${k} * ${num(redStrides[i]!)}`));
      body(e.let([base, ...terms].join(' + ')));
      for (const _ of redShape) e.line('}');
    },
  };
}
