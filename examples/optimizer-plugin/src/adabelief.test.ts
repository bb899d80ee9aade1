import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, type Tensor } from '@descent/core';
import { applyGradients, disposeState, InvalidHyperparameterError } from '@descent/optimizers';
import { describe, expect, it } from 'vitest';
import { adabelief } from './adabelief';
import { scaleByBelief } from './scale-by-belief';

// The reference is the paper's Algorithm 2 written out per element in plain numbers, with no
// tensors and no code shared with the implementation; descent runs on the float64 backend.
const rt = createRuntime({ plugins: [cpuBackend({ precision: 'float64' })] });

function reference(
  theta0: number[],
  grads: number[][],
  { lr, b1, b2, eps, wd }: { lr: number; b1: number; b2: number; eps: number; wd: number },
): number[][] {
  const theta = [...theta0];
  const m = theta.map(() => 0);
  const s = theta.map(() => 0);
  const out: number[][] = [];
  grads.forEach((g, step) => {
    const t = step + 1;
    for (let i = 0; i < theta.length; i++) {
      m[i] = b1 * m[i]! + (1 - b1) * g[i]!;
      s[i] = b2 * s[i]! + (1 - b2) * (g[i]! - m[i]!) ** 2 + eps;
      const mHat = m[i]! / (1 - b1 ** t);
      const sHat = s[i]! / (1 - b2 ** t);
      theta[i] = theta[i]! - lr * (mHat / (Math.sqrt(sHat) + eps) + wd * theta[i]!);
    }
    out.push([...theta]);
  });
  return out;
}

const tensor = (v: number[]) => rt.tensor(Float64Array.from(v));

describe('AdaBelief against its published update rule', () => {
  it('first step in closed form: Δθ = -lr·g / (sqrt(β1²g² + ε/(1-β2)) + ε)', () => {
    // With m₀ = s₀ = 0: m₁ = (1-β1)g, so m̂₁ = g; s₁ = (1-β2)(β1 g)² + ε, so ŝ₁ = β1²g² + ε/(1-β2).
    const g = [0.5, -2, 1e-3];
    const [lr, b1, b2, eps] = [0.1, 0.9, 0.999, 1e-8];
    const tx = adabelief({ learningRate: lr, eps });
    const params = { x: tensor([1, 1, 1]) };
    const grads = { x: tensor(g) };
    const step = applyGradients(tx, params, grads, tx.init(params));
    const got = Array.from(step.params.x.dataSync());
    g.forEach((gi, i) => {
      const want = 1 - (lr * gi) / (Math.sqrt(b1 ** 2 * gi ** 2 + eps / (1 - b2)) + eps);
      expect(got[i]).toBeCloseTo(want, 14);
    });
    rt.dispose([params, grads, step.params]);
    disposeState(step.state);
  });

  for (const options of [
    { lr: 0.01, b1: 0.9, b2: 0.999, eps: 1e-16, wd: 0 },
    { lr: 0.05, b1: 0.8, b2: 0.99, eps: 1e-8, wd: 0.1 },
  ]) {
    it(`20 steps match the reference within 1e-12 relative (${JSON.stringify(options)})`, () => {
      const theta0 = [0.3, -1.2, 2.5, 0.01];
      const grads = Array.from({ length: 20 }, (_, t) =>
        theta0.map((_, i) => Math.sin(3 * t + i) * (t < 10 ? 1 : 0.1)),
      );
      const want = reference(theta0, grads, options);
      const tx = adabelief({
        learningRate: options.lr,
        beta1: options.b1,
        beta2: options.b2,
        eps: options.eps,
        weightDecay: options.wd,
      });
      let params: { x: Tensor } = { x: tensor(theta0) };
      let state = tx.init(params);
      grads.forEach((g, step) => {
        const gt = { x: tensor(g) };
        const next = applyGradients(tx, params, gt, state);
        rt.dispose([gt, params]);
        ({ params, state } = next);
        const got = params.x.dataSync();
        want[step]!.forEach((w, i) => {
          expect(Math.abs(got[i]! - w), `step ${step + 1}, element ${i}`).toBeLessThanOrEqual(
            1e-12 * Math.abs(w),
          );
        });
      });
      rt.dispose(params);
      disposeState(state);
    });
  }

  it('rejects betas outside [0, 1)', () => {
    expect(() => scaleByBelief({ beta1: 1 })).toThrow(InvalidHyperparameterError);
    expect(() => adabelief({ beta2: -0.1 })).toThrow(
      /adabelief: hyperparameter "beta2" must be a finite number in \[0, 1\)/,
    );
  });
});
