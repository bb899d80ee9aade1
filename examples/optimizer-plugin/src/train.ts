import { valueAndGrad } from '@descent/autograd';
import {
  add,
  cast,
  greater,
  matmul,
  mean,
  mul,
  type Runtime,
  randomNormal,
  softplus,
  sub,
  type Tensor,
} from '@descent/core';
import { applyGradients, disposeState, type OptimizerRef, resolveOptimizer } from '@descent/optimizers';

/** Logistic regression's parameters. */
export type Params = { w: Tensor; b: Tensor };

/**
 * Trains logistic regression on a fixed, separable problem with the optimizer registered under
 * `optimizer.name`, looked up in the runtime's registry like a trainer will. Returns the loss
 * before and after.
 */
export function trainLogisticRegression(
  rt: Runtime,
  optimizer: OptimizerRef,
  steps: number,
  onStep?: (step: number, loss: number) => void,
): { first: number; last: number } {
  const tx = resolveOptimizer(rt, optimizer);
  // 256 points in 3-D labelled by a fixed plane, from the runtime's seeded RNG.
  const x = randomNormal(rt, [256, 3]);
  const y = rt.tidy(() => cast(greater(add(matmul(x, rt.tensor([[1.5], [-2], [0.5]])), 0.3), 0), 'float32'));
  const loss = ({ w, b }: Params) => {
    const z = add(matmul(x, w), b);
    return mean(sub(softplus(z), mul(y, z))); // binary cross-entropy from logits
  };
  const lossAndGrads = valueAndGrad(loss);

  let params: Params = { w: rt.tensor([[0], [0], [0]]), b: rt.tensor([0]) };
  let state = tx.init(params);
  let first = Number.NaN;
  let last = Number.NaN;
  for (let step = 0; step < steps; step++) {
    const { value, grads } = lossAndGrads(params);
    last = value.dataSync()[0]!;
    if (step === 0) first = last;
    onStep?.(step, last);
    const next = applyGradients(tx, params, grads, state); // frees the old state
    rt.dispose([value, grads, params]);
    ({ params, state } = next);
  }
  rt.dispose([params, x, y]);
  disposeState(state);
  return { first, last };
}
