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
  const checkCount = (state: CountState) => {
    if (typeof state?.count !== 'number') {
      throw new InvalidArgumentError(name, 'state has no step count; pass the state init returned');
    }
  };
  // The factor of this step and the new state, as `update` and `uniformScale` use them.
  const factor = (state: CountState, paths: readonly string[]): [number, CountState] => {
    checkCount(state);
    const scheduled = typeof value === 'function';
    const v = checkHyperparam(name, hyperparameter, scheduled ? value(state.count) : value, constraint, {
      step: state.count,
      scheduled,
      paths: [...paths],
    });
    return [sign * v, { count: state.count + 1 }];
  };
  return {
    init: () => ({ count: 0 }),
    update(updates, state, params) {
      checkCount(state);
      const leaves = leavesOf(name, updates, 'gradient');
      const paths = leaves.map((l) => l.path);
      paramsByPath(name, params, paths, false);
      const [f, next] = factor(state, paths);
      const first = leaves[0];
      const outs = first
        ? tidyTree(first.tensor.runtime, () => leaves.map(({ tensor }) => mul(tensor, scalar(tensor, f))))
        : [];
      return [unflattenParams(updates, outs), next];
    },
    uniformScale: factor,
  };
}
