import {
  add,
  dense,
  fusedOps,
  matmul,
  oneHot,
  relu,
  softmax,
  softmaxCrossEntropy,
  sum,
  type Tensor,
} from '@descent/core';
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

  it.each([
    ['relu with a bias', 'relu', true],
    ['linear with a bias', 'linear', true],
    ['relu without a bias', 'relu', false],
  ] as const)('dense, %s: x, kernel and bias match finite differences', (_, activation, withBias) => {
    const report = gradCheck(
      (x: Tensor, w: Tensor, bias?: Tensor) => dense(x, w, bias, { activation }),
      [normal([3, 5]), normal([5, 4]), ...(withBias ? [normal([4])] : [])],
    );
    expect(report.ok, report.message).toBe(true);
  });

  it('dense is recorded whole and its gradients equal those of matmul, add and relu', () => {
    const x = rt.tensor([
      [1, -2, 0.5],
      [0, 3, -1],
    ]);
    const w = rt.tensor([
      [0.5, -1],
      [-2, 0.25],
      [-1, 1],
    ]);
    const b = rt.tensor([0.1, 1]);
    const ops: string[] = [];
    const stop = rt.onOp((r) => ops.push(r.op.name), { acceptsFused: () => true });
    const fused = valueAndGrad((p: { w: Tensor; b: Tensor }) =>
      sum(dense(x, p.w, p.b, { activation: 'relu' })),
    )({
      w,
      b,
    });
    stop();
    expect(ops[0]).toBe('dense');
    expect(ops).not.toContain('add');
    const composite = valueAndGrad((p: { w: Tensor; b: Tensor }) => sum(relu(add(matmul(x, p.w), p.b))))({
      w,
      b,
    });
    // z = [[4.1, 0], [-4.9, 0.75]]: unit 0 is live in row 0 only, unit 1 in row 1 only (slope 0
    // at z = 0), so dW's columns are those rows of x and db counts one row each.
    expect(Array.from(fused.grads.b.dataSync())).toEqual([1, 1]);
    expect(Array.from(fused.grads.w.dataSync())).toEqual([1, 0, -2, 3, 0.5, -1]);
    for (const k of ['w', 'b'] as const)
      expect(Array.from(fused.grads[k].dataSync())).toEqual(Array.from(composite.grads[k].dataSync()));
  });

  it('every single-output fused op of core has a rule that a gradCheck exercised', () => {
    const single = fusedOps.map((d) => d.name).filter((op) => !fusedWithoutRules.includes(op));
    expect(single.filter((op) => !exercised.has(op))).toEqual([]);
  });
});
