import { InvalidArgumentError, mul, unflattenParams } from '@descent/core';
import type { GradientTransform, Schedule } from '../gradient-transform';
import { type Constraint, checkHyperparam } from './hyperparams';
import { leavesOf, paramsByPath, tidyTree } from './leaves';
import { scalar } from './scalar';

/** The state of a transform driven by a schedule: how many updates it has made. */
export type CountState = {
  /** Updates made so far. */
  readonly count: number;
};

/**
 * Multiplies updates by `sign · value`, where `value` is a number or a schedule of the step
 * count, checked against `constraint` at every step (a schedule may go bad later).
 */
export function scaledBy(
  name: string,
  hyperparameter: string,
  value: number | Schedule,
  constraint: Constraint,
  sign: 1 | -1,
): GradientTransform<CountState> {
  if (typeof value !== 'function') checkHyperparam(name, hyperparameter, value, constraint);
  return {
    init: () => ({ count: 0 }),
    update(updates, state, params) {
      if (typeof state?.count !== 'number') {
        throw new InvalidArgumentError(name, 'state has no step count; pass the state init returned');
      }
      const leaves = leavesOf(name, updates, 'gradient');
      paramsByPath(
        name,
        params,
        leaves.map((l) => l.path),
        false,
      );
      const scheduled = typeof value === 'function';
      const v = checkHyperparam(name, hyperparameter, scheduled ? value(state.count) : value, constraint, {
        step: state.count,
        scheduled,
        paths: leaves.map((l) => l.path),
      });
      const first = leaves[0];
      const outs = first
        ? tidyTree(first.tensor.runtime, () =>
            leaves.map(({ tensor }) => mul(tensor, scalar(tensor, sign * v))),
          )
        : [];
      return [unflattenParams(updates, outs), { count: state.count + 1 }];
    },
  };
}
