import {
  add,
  argmax,
  cast,
  equal,
  exp,
  logSoftmax,
  matmul,
  mean,
  mul,
  neg,
  oneHot,
  type Runtime,
  sub,
  sum,
  type Tensor,
  zeros,
} from '@descent/core';

/** Multinomial logistic regression: logits = x·W + b. */
export interface SoftmaxRegression {
  w: Tensor;
  b: Tensor;
}

export function createModel(rt: Runtime, features: number, classes: number): SoftmaxRegression {
  return { w: rt.keep(zeros(rt, [features, classes])), b: rt.keep(zeros(rt, [classes])) };
}

/**
 * One SGD step on a batch with the closed-form gradient of mean cross-entropy
 * (no autograd yet): dL/dlogits = (softmax(logits) - onehot(y)) / n, dW = xᵀ·dlogits,
 * db = Σ dlogits. Replaces the model's parameters and returns the batch loss.
 */
export function sgdStep(rt: Runtime, model: SoftmaxRegression, x: Tensor, y: Tensor, lr: number): Tensor {
  const [w, b, loss] = rt.tidy(() => {
    const logp = logSoftmax(add(matmul(x, model.w), model.b));
    const target = oneHot(y, model.b.shape[0]!);
    const loss = neg(mean(sum(mul(target, logp), -1)));
    const dLogits = mul(sub(exp(logp), target), 1 / x.shape[0]!);
    const w = sub(model.w, mul(matmul(x, dLogits, { transposeA: true }), lr));
    const b = sub(model.b, mul(sum(dLogits, 0), lr));
    return [w, b, loss];
  });
  model.w.dispose();
  model.b.dispose();
  model.w = rt.keep(w);
  model.b = rt.keep(b);
  return loss;
}

/** Fraction of rows whose largest logit is at the label. */
export function accuracy(rt: Runtime, model: SoftmaxRegression, x: Tensor, y: Tensor): number {
  const acc = rt.tidy(() => mean(cast(equal(argmax(add(matmul(x, model.w), model.b), -1), y), 'float32')));
  const value = acc.dataSync()[0]!;
  acc.dispose();
  return value;
}
