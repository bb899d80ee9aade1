import {
  add,
  describeValue,
  flattenParams,
  InvalidArgumentError,
  type ParamTree,
  type Tensor,
} from '@descent/core';
import { type Layer, LayerError } from '@descent/layers';
import { entriesOf, type PenaltyMap, pathError, resolvePaths } from './internal/paths';

export type { PenaltyMap } from './internal/paths';

/** What `penaltyLoss` needs of a model (any layers `Layer` or `Model`). */
export type PenaltySource = Pick<
  Layer,
  'name' | 'className' | 'runtime' | 'variables' | 'regularizationLoss'
>;

/**
 * The model's total penalty, a scalar to add to the data loss: every regularizer its layers
 * carry (`kernelRegularizer`, ...; layers' `regularizationLoss`) plus `extra` penalties attached
 * by parameter path, for weights whose layer was built without one (a loaded model, a
 * BatchNormalization `gamma`). Pass the parameters being differentiated so the gradient reaches
 * them; weights absent from `params` count with their current value, as constants.
 *
 * A path in `params` or `extra` that the model does not have is a `PenaltyPathError` naming the
 * layer and the parameter (layers' `regularizationLoss` alone would ignore a stray `params` path).
 *
 * @example
 * const objective = (p: LayerParams) => add(loss(y, model.apply(p, x, { training: true })), penaltyLoss(model, p));
 * penaltyLoss(model, p, { 'batch_normalization/gamma': l2(1e-4) });
 */
export function penaltyLoss(model: PenaltySource, params?: ParamTree, extra: PenaltyMap = {}): Tensor {
  const op = 'penaltyLoss';
  checkPenaltySource(op, model);
  const rt = model.runtime;
  if (!rt)
    throw new LayerError(
      model.name,
      'build it before asking for its penalty',
      undefined,
      undefined,
      model.className,
    );
  const byPath = new Map(model.variables().map((e) => [e.path, e.variable.value] as const));
  const given = params ? flattenParams(op, params) : [];
  for (const { path } of given)
    if (!byPath.has(path)) throw pathError(op, 'params hold', path, [...byPath.keys()]);
  for (const { path, tensor } of given) byPath.set(path, tensor);
  const attached = resolvePaths(op, entriesOf(op, extra), byPath);
  return rt.tidy(() => {
    let total = model.regularizationLoss(params);
    for (const [w, r] of attached) total = add(total, r.penalty(w));
    return total;
  });
}

/** Throws unless `model` has what `penaltyLoss` uses (a layers `Layer` or `Model` does). */
export function checkPenaltySource(op: string, model: unknown): void {
  const m = model as Partial<Record<keyof PenaltySource, unknown>> | null;
  if (
    m === null ||
    typeof m !== 'object' ||
    typeof m.variables !== 'function' ||
    typeof m.regularizationLoss !== 'function'
  )
    throw new InvalidArgumentError(
      op,
      `expected a model (a layers Layer or Model), got ${describeValue(model)}`,
    );
}
