import { add, checkFunction, type ParamTree, type Tensor } from '@descent/core';
import { entriesOf, type PenaltyMap } from './internal/paths';
import { checkPenaltySource, type PenaltySource, penaltyLoss } from './penalty-loss';

/** The two parts of a penalized loss, for the training logs. */
export interface PenaltyTerms {
  /** The data loss alone. */
  readonly dataLoss: Tensor;
  /** The model's total penalty (`penaltyLoss`). */
  readonly penalty: Tensor;
}

/** A loss with the model's penalty added, which also hands back its two terms. */
export interface PenalizedLoss<P extends ParamTree> {
  /** `dataLoss(params) + penaltyLoss(model, params, extra)`: what `valueAndGrad` differentiates. */
  (params: P): Tensor;
  /**
   * The terms of the last call, held off the gradient tape (no read-back, so it costs nothing on
   * a GPU) and owned by the caller from then on; `undefined` before a call or once taken. Terms
   * not taken are freed by the next call.
   */
  takeTerms(): PenaltyTerms | undefined;
}

/**
 * Wraps a data loss so the model's penalty is added to it and reported separately: what a
 * trainer calls each step. Same as adding `penaltyLoss(model, params, extra)` yourself, plus the
 * terms for the logs (Keras reports only the sum).
 *
 * @example
 * const objective = penalized(model, (p: LayerParams) => loss(y, model.apply(p, x, { training: true })));
 * const { value, grads } = valueAndGrad(objective)(model.trainableParams());
 * const { dataLoss, penalty } = objective.takeTerms()!;
 * logs.push({ loss: value.dataSync()[0], dataLoss: dataLoss.dataSync()[0], penalty: penalty.dataSync()[0] });
 * rt.dispose([value, grads, dataLoss, penalty]);
 */
export function penalized<P extends ParamTree>(
  model: PenaltySource,
  dataLoss: (params: P) => Tensor,
  extra: PenaltyMap = {},
): PenalizedLoss<P> {
  checkPenaltySource('penalized', model);
  checkFunction('penalized', 'dataLoss', dataLoss);
  entriesOf('penalized', extra);
  let pending: PenaltyTerms | undefined;
  const drop = () => {
    if (pending) {
      pending.dataLoss.dispose();
      pending.penalty.dispose();
      pending = undefined;
    }
  };
  const objective = (params: P): Tensor => {
    drop();
    const data = dataLoss(params);
    const penalty = penaltyLoss(model, params, extra);
    const rt = penalty.runtime;
    // retain: handles no tidy owns (not ops, so the tape does not see them).
    pending = { dataLoss: rt.retain(data), penalty: rt.retain(penalty) };
    return add(data, penalty);
  };
  const takeTerms = (): PenaltyTerms | undefined => {
    const out = pending;
    pending = undefined;
    return out;
  };
  return Object.assign(objective, { takeTerms });
}
