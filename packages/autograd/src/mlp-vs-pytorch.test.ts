import { cpuBackend } from '@descent/backend-cpu';
import {
  add,
  createRuntime,
  logSoftmax,
  matmul,
  mean,
  mul,
  neg,
  oneHot,
  relu,
  sum,
  type Tensor,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/mlp-fixture.json';
import { autograd, valueAndGrad } from './index';

// Reference: fixtures/make_mlp_fixture.py (PyTorch, float64 from float32-rounded inputs).
describe('2-layer MLP gradients match PyTorch', () => {
  it('loss and every parameter gradient within 1e-5 relative', () => {
    const rt = createRuntime({ plugins: [cpuBackend(), autograd()] });
    const t = ({ shape, values }: { shape: number[]; values: number[] }) =>
      rt.tensor(new Float32Array(values), shape);
    const x = t(fixture.x);
    const y = oneHot(rt.tensor(new Int32Array(fixture.labels), [fixture.labels.length]), 4);
    const params = {
      w1: t(fixture.params.w1),
      b1: t(fixture.params.b1),
      w2: t(fixture.params.w2),
      b2: t(fixture.params.b2),
    };
    const loss = (p: Record<keyof typeof params, Tensor>) => {
      const h = relu(add(matmul(x, p.w1), p.b1));
      const logits = add(matmul(h, p.w2), p.b2);
      return neg(mean(sum(mul(y, logSoftmax(logits)), -1)));
    };
    const { value, grads } = valueAndGrad(loss)(params);
    expect(value.dataSync()[0]).toBeCloseTo(fixture.loss, 5);
    for (const name of ['w1', 'b1', 'w2', 'b2'] as const) {
      const got = grads[name].dataSync();
      const want = fixture.grads[name];
      expect(got.length).toBe(want.length);
      want.forEach((w, i) => {
        // 1e-5 relative, with an absolute floor far below float32 resolution of these values.
        expect(Math.abs(got[i]! - w), `${name}[${i}]: got ${got[i]}, PyTorch ${w}`).toBeLessThanOrEqual(
          1e-5 * Math.abs(w) + 1e-7,
        );
      });
    }
  });
});
