import { add, div, maximum, mul, sqrt, square, sum, type Tensor, unflattenParams } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { leavesOf, paramsByPath, tidyTree } from '../internal/leaves';
import { scalar } from '../internal/scalar';
import type { EmptyState } from '../stateless';

/**
 * Rescales all updates together so the L2 norm over every parameter is at most `maxNorm`:
 * `g · maxNorm / max(‖all g‖, maxNorm)` (PyTorch's `clip_grad_norm_`, Optax's
 * `clip_by_global_norm`). Computed on the backend, nothing is read back.
 *
 * @example
 * chain(clipByGlobalNorm(1), scaleByAdam(), scaleByLearningRate(1e-3));
 */
export function clipByGlobalNorm(maxNorm: number): GradientTransform<EmptyState> {
  const name = 'clipByGlobalNorm';
  checkHyperparam(name, 'maxNorm', maxNorm, 'positive');
  return {
    init: () => ({}),
    update(updates, state, params) {
      const leaves = leavesOf(name, updates, 'gradient');
      paramsByPath(
        name,
        params,
        leaves.map((l) => l.path),
        false,
      );
      const first = leaves[0];
      if (!first) return [unflattenParams(updates, []), state];
      const outs = tidyTree(first.tensor.runtime, () => {
        const squares = leaves.map(({ tensor }) => sum(square(tensor)));
        const total = squares.slice(1).reduce<Tensor>((a, b) => add(a, b), squares[0]!);
        const max = scalar(first.tensor, maxNorm);
        const factor = div(max, maximum(sqrt(total), max));
        return leaves.map(({ tensor }) => mul(tensor, factor));
      });
      return [unflattenParams(updates, outs), {}];
    },
  };
}
