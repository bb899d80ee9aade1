import { valueAndGrad } from '@descent/autograd';
import { add, matmul, mul, randomNormal, type Tensor } from '@descent/core';
import { Dense, type LayerParams, meanSquaredError, type Regularizer, sequential } from '@descent/layers';
import { applyGradients, disposeState, sgd } from '@descent/optimizers';
import { afterAll, describe, expect, it } from 'vitest';
import { l1 } from './penalties/l1';
import { l2 } from './penalties/l2';
import { penaltyLoss } from './penalty-loss';
import { runtime, values } from './test-utils/runtime';

const rt = runtime(2024);
const N = 40;
const D = 20;
/** Only three features matter; the other 17 are noise the model can fit. */
const TRUE_W = Array.from({ length: D }, (_, i) => [2, -3, 1.5][i] ?? 0);
const RELEVANT = [0, 1, 2];
const IRRELEVANT = TRUE_W.map((_, i) => i).filter((i) => !RELEVANT.includes(i));

// Data from the runtime's seeded RNG: y = X·w* + 0.5·noise.
const x = rt.keep(randomNormal(rt, [N, D]));
const y = rt.keep(
  rt.tidy(() => add(matmul(x, rt.tensor(TRUE_W, [D, 1])), mul(randomNormal(rt, [N, 1]), 0.5))),
);
afterAll(() => rt.dispose([x, y]));

/** Full-batch SGD on mse + the model's penalty; returns the learned weights. */
function fit(regularizer: Regularizer | undefined, steps = 3000, learningRate = 0.02): number[] {
  const model = sequential([
    new Dense({
      units: 1,
      useBias: false,
      inputShape: [D],
      kernelInitializer: 'zeros',
      kernelRegularizer: regularizer ?? null,
    }),
  ]).init(rt);
  const mse = meanSquaredError();
  const objective = (p: LayerParams) => add(mse(y, model.apply(p, x)), penaltyLoss(model, p));
  const tx = sgd({ learningRate });
  let state = tx.init(model.trainableParams());
  for (let i = 0; i < steps; i++) {
    rt.tidy(() => {
      const params = model.trainableParams();
      const { grads } = valueAndGrad(objective)(params);
      const next = applyGradients(tx, params, grads, state);
      model.assign(next.params);
      state = next.state;
    });
  }
  const w = values((model.params().dense as { kernel: Tensor }).kernel);
  disposeState(state);
  model.dispose();
  return w;
}

/** Solves A·v = b (small, dense, float64) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const v = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * v[k]!;
    v[r] = s / m[r]![r]!;
  }
  return v;
}

/** The minimizer of (1/n)·‖Xw − y‖² + λ·‖w‖²: (XᵀX/n + λI)·w = Xᵀy/n. */
function ridge(lambda: number): number[] {
  const xs = values(x);
  const ys = values(y);
  const a = Array.from({ length: D }, (_, i) =>
    Array.from({ length: D }, (_, j) => {
      let s = 0;
      for (let r = 0; r < N; r++) s += xs[r * D + i]! * xs[r * D + j]!;
      return s / N + (i === j ? lambda : 0);
    }),
  );
  const b = Array.from({ length: D }, (_, i) => {
    let s = 0;
    for (let r = 0; r < N; r++) s += xs[r * D + i]! * ys[r]!;
    return s / N;
  });
  return solve(a, b);
}

/**
 * The minimizer of (1/n)·‖Xw − y‖² + λ·‖w‖₁ by cyclic coordinate descent with soft
 * thresholding (float64), to compare the (sub)gradient-trained weights with.
 */
function lasso(lambda: number, sweeps = 500): number[] {
  const xs = values(x);
  const ys = values(y);
  const w = new Array<number>(D).fill(0);
  const r = [...ys]; // residual y − Xw
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let j = 0; j < D; j++) {
      let rho = 0;
      let sq = 0;
      for (let i = 0; i < N; i++) {
        const xij = xs[i * D + j]!;
        rho += xij * (r[i]! + xij * w[j]!);
        sq += xij * xij;
      }
      rho /= N;
      sq /= N;
      const next = (Math.sign(rho) * Math.max(Math.abs(rho) - lambda / 2, 0)) / sq;
      for (let i = 0; i < N; i++) r[i]! += xs[i * D + j]! * (w[j]! - next);
      w[j] = next;
    }
  }
  return w;
}

const maxAbs = (w: number[], idx: number[]) => Math.max(...idx.map((i) => Math.abs(w[i]!)));
const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
const norm = (w: number[]) => Math.sqrt(w.reduce((s, v) => s + v * v, 0));

describe('training with penalties on a small sparse regression', () => {
  const LR = 0.02;
  const plain = fit(undefined, 3000, LR);

  it('without a penalty the model fits the noise: irrelevant weights are far from zero', () => {
    expect(maxDiff(plain, ridge(0))).toBeLessThan(1e-4); // least squares
    expect(maxAbs(plain, IRRELEVANT)).toBeGreaterThan(0.1);
  });

  it('L1 drives the irrelevant weights near zero and keeps the relevant ones', () => {
    const lambda = 0.3;
    const sparse = fit(l1(lambda), 3000, LR);
    const reference = lasso(lambda);
    // The exact minimizer has every irrelevant weight at 0 ...
    expect(maxAbs(reference, IRRELEVANT)).toBe(0);
    // ... and subgradient descent (subgradient 0 at 0) keeps them within one step of it: a
    // coordinate with |∂data| < λ moves by less than 2·lr·λ per step, always towards 0.
    expect(maxAbs(sparse, IRRELEVANT)).toBeLessThan(2 * LR * lambda);
    expect(maxAbs(sparse, IRRELEVANT)).toBeLessThan(maxAbs(plain, IRRELEVANT) / 10);
    for (const i of RELEVANT) {
      expect(Math.sign(sparse[i]!)).toBe(Math.sign(TRUE_W[i]!));
      expect(Math.abs(sparse[i]! - reference[i]!)).toBeLessThan(2 * LR * lambda);
    }
  });

  it('L2 shrinks the weight norm, to the ridge closed form', () => {
    const lambda = 0.1;
    const shrunk = fit(l2(lambda), 3000, LR);
    expect(norm(shrunk)).toBeLessThan(0.9 * norm(plain));
    expect(maxDiff(shrunk, ridge(lambda))).toBeLessThan(1e-4);
  });
});
