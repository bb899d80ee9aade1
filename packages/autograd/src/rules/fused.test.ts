import { fusedOps, oneHot, relu, softmax, softmaxCrossEntropy, sum, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { gradCheck } from '../grad-check';
import { valueAndGrad } from '../value-and-grad';
import { fusedWithoutRules, referenceRuntime, sampler } from './test-utils';

const { rt, exercised } = referenceRuntime(7);
const { normal, uniform, awayFromZero } = sampler(rt);

describe('fused ops', () => {
  it.each([
    ['[3, 5]', [3, 5]],
    ['[2, 2, 4]', [2, 2, 4]],
    ['one row [4]', [4]],
  ])('softmaxCrossEntropy %s: logits and soft targets match finite differences', (_, shape) => {
    const report = gradCheck(
      (z: Tensor, t: Tensor) => softmaxCrossEntropy(z, t),
      [normal(shape), uniform(shape, 0, 1)],
    );
    expect(report.ok, report.message).toBe(true);
  });

  it('relu (recorded whole, its gradient by the fused reluGrad) matches finite differences', () => {
    const report = gradCheck((x: Tensor) => relu(x), [awayFromZero([3, 4], 0.1)]);
    expect(report.ok, report.message).toBe(true);
    const ops: string[] = [];
    const stop = rt.onOp((r) => ops.push(r.op.name), { acceptsFused: () => true });
    const { grads } = valueAndGrad((p: { x: Tensor }) => sum(relu(p.x)))({
      x: rt.tensor([-1, 0, 2, Number.NaN]),
    });
    stop();
    expect(ops[0]).toBe('relu');
    // Slope 0 at and below 0, 1 above; a NaN input passes dy on, as the composite's select does.
    expect(Array.from(grads.x.dataSync())).toEqual([0, 0, 1, 1]);
  });

  it('softmaxCrossEntropy is recorded whole (its kernel runs) and its gradient is softmax - one-hot', () => {
    const z = rt.tensor([
      [1, 2, 3],
      [0, 0, 0],
    ]);
    const t = oneHot(rt.tensor([2, 0], [2], 'int32'), 3);
    const ops: string[] = [];
    const stop = rt.onOp((r) => ops.push(r.op.name), { acceptsFused: () => true });
    const { grads } = valueAndGrad((p: { z: Tensor }) => sum(softmaxCrossEntropy(p.z, t)))({ z });
    stop();
    // Both ran their fused kernels (a composite run shows only primitives): the forward, and the
    // backward's softmaxCrossEntropyGrad.
    expect(ops[0]).toBe('softmaxCrossEntropy');
    expect(ops).toContain('softmaxCrossEntropyGrad');
    expect(ops).not.toContain('exp');
    const want = Array.from(softmax(z).dataSync()).map((p, i) => p - (i === 2 || i === 3 ? 1 : 0));
    expect(
      Array.from(grads.z.dataSync())
        .map((v, i) => v - want[i]!)
        .every((d) => Math.abs(d) < 1e-12),
    ).toBe(true);
  });

  it('every single-output fused op of core has a rule that a gradCheck exercised', () => {
    const single = fusedOps.map((d) => d.name).filter((op) => !fusedWithoutRules.includes(op));
    expect(single.filter((op) => !exercised.has(op))).toEqual([]);
  });
});
