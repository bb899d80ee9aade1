import { add, fill, flattenParams, InvalidArgumentError, type ParamTree, type Tensor } from '@descent/core';
import { entriesOf, type PenaltyMap, resolvePaths } from './internal/paths';

/**
 * The total penalty of a plain parameter tree (no layers), with penalties attached by path:
 * the functional counterpart of `penaltyLoss`. A path the tree lacks is a `PenaltyPathError`
 * naming it and what is there.
 *
 * @example
 * const objective = (p: { w: Tensor; b: Tensor }) =>
 *   add(mean(square(sub(add(matmul(x, p.w), p.b), y))), treePenalty(p, { w: l1(1e-3) }));
 */
export function treePenalty(params: ParamTree, penalties: PenaltyMap): Tensor {
  const op = 'treePenalty';
  const leaves = flattenParams(op, params);
  const first = leaves[0]?.tensor;
  if (!first) throw new InvalidArgumentError(op, 'params hold no tensor');
  const attached = resolvePaths(
    op,
    entriesOf(op, penalties),
    new Map(leaves.map((l) => [l.path, l.tensor] as const)),
  );
  const rt = first.runtime;
  return rt.tidy(() => {
    let total: Tensor = fill(rt, [], 0, 'float32', { backend: first.backendName });
    for (const [w, r] of attached) total = add(total, r.penalty(w));
    return total;
  });
}
