import { cpuBackend } from '@descent/backend-cpu';
import {
  add,
  cast,
  conv2d,
  createRuntime,
  DisposedTensorError,
  DTypeError,
  exp,
  InvalidArgumentError,
  matmul,
  sum,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { autograd, grad, gradCheck, valueAndGrad } from './index';

const rt = createRuntime({ plugins: [cpuBackend(), autograd()], seed: 1 });
const rt64 = createRuntime({ plugins: [cpuBackend({ precision: 'float64' }), autograd()], seed: 1 });

describe('valueAndGrad', () => {
  it('computes no gradient for inputs off the path (the data batch of matmul and conv2d)', () => {
    const ops: string[] = [];
    const stop = rt.onOp((r) => ops.push(r.op.name));
    const x = rt.tensor([[1, 2]]);
    const img = rt.tensor(new Float32Array(2 * 4 * 4 * 1).fill(0.5), [2, 4, 4, 1]);
    const params = { w: rt.tensor([[0.5], [-1]]), f: rt.tensor(new Float32Array(9).fill(0.1), [3, 3, 1, 1]) };
    const { grads } = valueAndGrad((p: typeof params) => add(sum(matmul(x, p.w)), sum(conv2d(img, p.f))))(
      params,
    );
    stop();
    // One backward matmul (dW = xᵀ·dy), no dx; the filter gradient and no input gradient.
    expect(ops.filter((o) => o === 'matmul')).toHaveLength(2);
    expect(ops).toContain('conv2dBackpropFilter');
    expect(ops).not.toContain('conv2dBackpropInput');
    expect(Array.from(grads.w.dataSync())).toEqual([1, 2]);
    // Each filter tap sees 2 images × 2×2 output pixels of value 0.5.
    expect(Array.from(grads.f.dataSync())).toEqual(new Array(9).fill(4));
    rt.dispose([x, img, params, grads]);
  });

  it('differentiates a tree of parameters, returning the same structure', () => {
    const x = rt.tensor([[1, 2]]);
    const params = { w: rt.tensor([[0.5], [-1]]), b: { bias: rt.tensor([0.25]) } };
    const { value, grads } = valueAndGrad((p: typeof params) => sum(exp(add(matmul(x, p.w), p.b.bias))))(
      params,
    );
    // z = 1·0.5 + 2·(-1) + 0.25 = -1.25; d/dw = e^z·xᵀ, d/db = e^z.
    const ez = Math.exp(-1.25);
    expect(value.dataSync()[0]).toBeCloseTo(ez, 6);
    expect(Array.from(grads.w.dataSync())).toEqual([expect.closeTo(ez, 6), expect.closeTo(2 * ez, 6)]);
    expect(grads.w.shape).toEqual([2, 1]);
    expect(grads.b.bias.dataSync()[0]).toBeCloseTo(ez, 6);
  });

  it('gives zeros for parameters the output does not use', () => {
    const a = rt.tensor([1, 2]);
    const unused = rt.tensor([[3, 4]]);
    const g = grad((p: { a: typeof a; unused: typeof unused }) => sum(exp(p.a)))({ a, unused });
    expect(Array.from(g.unused.dataSync())).toEqual([0, 0]);
    expect(g.unused.shape).toEqual([1, 2]);
  });

  it('needs a scalar output or a seed gradient', () => {
    const x = rt.tensor([1, 2]);
    expect(() => grad((t: typeof x) => exp(t))(x)).toThrow(InvalidArgumentError);
    expect(() => grad((t: typeof x) => exp(t))(x)).toThrow(
      /f returned shape \[2\]; gradients need a scalar output or a seed/,
    );
    const g = grad((t: typeof x) => exp(t))(x, rt.tensor([1, 0]));
    expect(g.dataSync()[1]).toBe(0);
  });

  it('rejects int parameters and gradients through int tensors, naming the op', () => {
    const i = rt.tensor([1, 2], [2], 'int32');
    expect(() => grad((t: typeof i) => sum(t))(i)).toThrow(DTypeError);
    const x = rt.tensor([1.5, 2.5]);
    expect(() => grad((t: typeof x) => sum(cast(cast(t, 'int32'), 'float32')))(x)).toThrow(
      /cast: expected differentiated input \(gradients cannot flow through int or bool tensors\) of dtype float32, got int32/,
    );
  });

  it('rejects disposed parameters', () => {
    const x = rt.tensor([1]);
    x.dispose();
    expect(() => grad((t: typeof x) => sum(t))(x)).toThrow(DisposedTensorError);
  });
});

describe('memory', () => {
  it('the tape frees everything it held after backward', () => {
    const x = rt.keep(
      rt.tensor([
        [1, 2],
        [3, 4],
      ]),
    );
    const w = rt.keep(rt.tensor([[1], [1]]));
    const before = rt.memory();
    const { value, grads } = valueAndGrad((p: typeof w) => sum(exp(matmul(x, p))))(w);
    expect(rt.memory().numTensors).toBe(before.numTensors + 2);
    value.dispose();
    grads.dispose();
    expect(rt.memory()).toMatchObject({ numTensors: before.numTensors, numBytes: before.numBytes });
  });
});

describe('gradCheck', () => {
  it('passes for correct rules in float64', () => {
    const report = gradCheck(
      (x, w) => exp(matmul(x!, w!)),
      [
        rt64.tensor([[0.1, -0.3]]),
        rt64.tensor([
          [0.2, 1],
          [-0.5, 0.4],
        ]),
      ],
    );
    expect(report.ok, report.message).toBe(true);
    expect(report.checked).toBe(6);
  });

  it('names the worst element when a rule is wrong', () => {
    const wrong = createRuntime({ plugins: [cpuBackend({ precision: 'float64' }), autograd()] });
    wrong.use({
      name: 'bad-exp',
      version: '0',
      install: (ctx) => ctx.register('gradient', 'exp', { backward: (dy) => [dy] }, { replace: true }),
    });
    const report = gradCheck((x) => sum(exp(x!)), [wrong.tensor([0, 1])]);
    expect(report.ok).toBe(false);
    expect(report.worst.index).toBe(1);
    // The wrong rule gives dy where e^x·dy is due: off by e at x = 1 (times the random cotangent).
    expect(report.worst.numeric / report.worst.analytic).toBeCloseTo(Math.E, 5);
    expect(report.message).toMatch(/^gradCheck failed at input 0, flat index 1: analytic .*, numeric /);
  });
});
