import { gradCheck, valueAndGrad } from '@descent/autograd';
import { mul, randomNormal, sqrt, square, sum, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { definePenalty } from '../define-penalty';
import { expectClose, runtime, scalar, values } from '../test-utils/runtime';
import { l1 } from './l1';
import { l1l2 } from './l1l2';
import { l2 } from './l2';

const rt = runtime(3);
const rt64 = runtime(4, { precision: 'float64' });
const W = [0.5, -1.5, 0, 2, 0, -0.25];
const abs1 = W.reduce((s, v) => s + Math.abs(v), 0); // 4.25
const sq = W.reduce((s, v) => s + v * v, 0); // 6.5625
const sign = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);

function valueAndGradOf(penalty: (w: Tensor) => Tensor, w = W): { value: number; grad: number[] } {
  const x = rt.tensor(w, [2, 3]);
  const { value, grads } = valueAndGrad(penalty)(x);
  const out = { value: scalar(value), grad: values(grads) };
  rt.dispose([x, value, grads]);
  return out;
}

describe('penalty values and gradients match the closed forms', () => {
  it('l1(λ) = λ·Σ|w|, gradient λ·sign(w) with the subgradient 0 at w = 0', () => {
    const { value, grad } = valueAndGradOf((w) => l1(0.1).penalty(w));
    expect(value).toBeCloseTo(0.1 * abs1, 6);
    expect(grad).toEqual(W.map((v) => Math.fround(0.1 * sign(v))));
    // The two exact zeros get a zero (sub)gradient, not ±λ.
    expect(grad[2]).toBe(0);
    expect(grad[4]).toBe(0);
  });

  it('l2(λ) = λ·Σw² (Keras), not λ/2·Σw²: gradient 2λ·w', () => {
    const { value, grad } = valueAndGradOf((w) => l2(0.1).penalty(w));
    expect(value).toBeCloseTo(0.1 * sq, 6);
    expect(value).not.toBeCloseTo(0.05 * sq, 3);
    expectClose(
      grad,
      W.map((v) => 2 * 0.1 * v),
      6,
    );
  });

  it('l1l2(λ1, λ2) = λ1·Σ|w| + λ2·Σw², and a zero coefficient drops its term', () => {
    const { value, grad } = valueAndGradOf((w) => l1l2(0.1, 0.3).penalty(w));
    expect(value).toBeCloseTo(0.1 * abs1 + 0.3 * sq, 5);
    expectClose(
      grad,
      W.map((v) => 0.1 * sign(v) + 0.6 * v),
      6,
    );
    expect(valueAndGradOf((w) => l1l2(0, 0.3).penalty(w)).value).toBeCloseTo(0.3 * sq, 5);
    expect(valueAndGradOf((w) => l1l2({ l1: 0.1, l2: 0 }).penalty(w)).value).toBeCloseTo(0.1 * abs1, 6);
    const none = valueAndGradOf((w) => l1l2(0, 0).penalty(w));
    expect(none).toEqual({ value: 0, grad: [0, 0, 0, 0, 0, 0] });
  });

  it('defaults and configs follow Keras: λ = 0.01; l1l2(λ1) keeps λ2 = 0.01', () => {
    expect(l1().getConfig()).toEqual({ l1: 0.01 });
    expect(l2().getConfig()).toEqual({ l2: 0.01 });
    expect(l1l2().getConfig()).toEqual({ l1: 0.01, l2: 0.01 });
    expect(l1l2(0.5).getConfig()).toEqual({ l1: 0.5, l2: 0.01 });
    expect(l2({ l2: 0.2 }).config).toEqual({ l2: 0.2 });
    expect([l1().className, l2().className, l1l2().className]).toEqual(['L1', 'L2', 'L1L2']);
    // getConfig hands out a copy: changing it does not change the penalty.
    const p = l2(0.5);
    (p.getConfig() as { l2: number }).l2 = 7;
    expect(p.config.l2).toBe(0.5);
  });

  it('gradients pass gradCheck in float64 (central finite differences)', () => {
    for (const make of [() => l1(0.3), () => l2(0.7), () => l1l2(0.2, 0.05)]) {
      const penalty = make();
      const w = rt64.tidy(() => randomNormal(rt64, [4, 5]));
      const report = gradCheck((x) => penalty.penalty(x), [w], { runtime: rt64 });
      expect(report.ok, `${penalty.className}: ${report.message}`).toBe(true);
      w.dispose();
    }
  });

  it('frees its temporaries: only the result stays alive', () => {
    const w = rt.tensor(W, [2, 3]);
    const before = rt.memory().numTensors;
    const out = l1l2(0.1, 0.2).penalty(w);
    expect(rt.memory().numTensors).toBe(before + 1);
    out.dispose();
    w.dispose();
  });
});

describe('definePenalty: the interface for custom penalties', () => {
  const groupLasso = definePenalty({
    className: 'GroupLasso',
    defaults: { lambda: 0.01 },
    penalty: (w, { lambda }) => mul(sum(sqrt(sum(square(w), 0))), lambda),
  });

  it('makes a Regularizer with className, a copied config and the scalar penalty', () => {
    const p = groupLasso({ lambda: 0.5 });
    expect(p.className).toBe('GroupLasso');
    expect(p.getConfig()).toEqual({ lambda: 0.5 });
    expect(groupLasso().config).toEqual({ lambda: 0.01 });
    // Columns [3,4] and [0,1]: norms 5 and 1.
    expect(scalar(p.penalty(rt.tensor([3, 0, 4, 1], [2, 2])))).toBeCloseTo(3, 6);
  });

  it('a penalty that is not a scalar is refused, naming it', () => {
    const bad = definePenalty({ className: 'RowSums', defaults: {}, penalty: (w) => sum(w, 1) });
    expect(() => bad().penalty(rt.tensor([1, 2, 3, 4], [2, 2]))).toThrow(
      /RowSums: a penalty must be a scalar, got shape \[2\]/,
    );
  });
});
