import {
  checkFunction,
  checkOptions,
  describeValue,
  InvalidArgumentError,
  type Tensor,
  unflattenParams,
} from '@descent/core';
import type { GradientTransform } from './gradient-transform';
import { leavesOf, own, paramsByPath, tidyTree } from './internal/leaves';
import { scalar } from './internal/scalar';

/** The state of a transform that keeps none. */
export type EmptyState = Record<string, never>;

/** What a stateless step sees for one parameter. */
export interface StatelessContext {
  /** The parameter's path. */
  readonly path: string;
  /** The parameter (only when the transform asked for parameters). */
  readonly param: Tensor | undefined;
  /** A scalar on the gradient's backend at its precision. */
  scalar(value: number): Tensor;
}

/**
 * A transform that keeps no state and maps each parameter's update on its own, like `scale`,
 * `clipByValue` and `addDecayedWeights`. `fn` runs inside a `tidy`; with `needsParams` the
 * parameters must be passed to `update` and `fn` gets each one.
 *
 * @example
 * const halve = stateless('halve', (g, { scalar }) => mul(g, scalar(0.5)));
 */
export function stateless(
  name: string,
  fn: (g: Tensor, ctx: StatelessContext) => Tensor,
  options: { needsParams?: boolean } = {},
): GradientTransform<EmptyState> {
  if (typeof name !== 'string' || name === '')
    throw new InvalidArgumentError('stateless', `expected a transform name, got ${describeValue(name)}`);
  checkFunction(name, 'fn', fn);
  checkOptions(name, options);
  return {
    init: () => ({}),
    update(updates, state, params) {
      const leaves = leavesOf(name, updates, 'gradient');
      const byPath = paramsByPath(
        name,
        params,
        leaves.map((l) => l.path),
        options.needsParams ?? false,
      );
      const first = leaves[0];
      if (!first) return [unflattenParams(updates, []), state];
      const outs = tidyTree(first.tensor.runtime, () =>
        leaves.map(({ path, tensor }) => {
          const param = byPath?.get(path);
          return own(fn(tensor, { path, param, scalar: (v) => scalar(tensor, v) }), [tensor, param]);
        }),
      );
      return [unflattenParams(updates, outs), {}];
    },
  };
}
