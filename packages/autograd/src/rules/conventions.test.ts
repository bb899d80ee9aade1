import {
  abs,
  add,
  cast,
  conv2d,
  DTypeError,
  fusedOps,
  gather,
  greater,
  max,
  maximum,
  maxPool,
  maxPoolBackward,
  minimum,
  mul,
  type Pool2DAttrs,
  pow,
  primitiveOps,
  relu,
  reshape,
  type Shape,
  scatterAdd,
  sigmoid,
  softmax,
  softplus,
  sum,
  type Tensor,
  tanh,
  UnsupportedError,
  where,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { grad } from '../grad';
import type { GradientContext } from '../gradient-rule';
import { gradientRules } from '../gradient-rules';
import { castRule } from './cast';
import { attrsOf, fusedWithoutRules, nonDifferentiableOps, referenceRuntime } from './test-utils';
import { whereRule } from './where';

const { rt } = referenceRuntime(5);
const values = (t: Tensor) => Array.from(t.dataSync());
const nhwc = (v: number[], shape: Shape) => rt.tensor(v, shape);
const ctx = (over: Partial<GradientContext> = {}): GradientContext => ({
  inputs: [],
  output: undefined,
  attrs: {},
  inputShapes: [],
  inputDtypes: [],
  needs: [true, true, true],
  ...over,
});

describe('the rule table', () => {
  const ops = primitiveOps.map((d) => d.name);

  it('has a rule for every primitive of core and its single-output fused ops, and nothing else', () => {
    const fused = fusedOps.map((d) => d.name).filter((op) => !fusedWithoutRules.includes(op));
    expect([...ops, ...fused].filter((op) => !(op in gradientRules))).toEqual([]);
    expect(Object.keys(gradientRules).filter((op) => !ops.includes(op) && !fused.includes(op))).toEqual([]);
  });

  it('is what the autograd plugin registers', () => {
    expect(ops.filter((op) => !rt.registry.find('gradient', op))).toEqual([]);
  });

  it.each([...nonDifferentiableOps])('%s returns no gradient', (op) => {
    expect(gradientRules[op]!.backward(rt.tensor([1]), ctx()).filter(Boolean)).toEqual([]);
  });

  it.each(['sign', 'floor', 'ceil', 'round'])('%s is piecewise constant: no gradient', (op) => {
    expect(gradientRules[op]!.backward(rt.tensor([1]), ctx())).toEqual([undefined]);
  });
});

describe('ties', () => {
  it('max splits dy evenly between tied maxima', () => {
    const x = rt.tensor([
      [1, 3, 3],
      [2, 0, 2],
    ]);
    expect(values(grad((t: Tensor) => max(t, 1))(x, rt.tensor([1, 2])))).toEqual([0, 0.5, 0.5, 1, 0, 1]);
    const g = grad((t: Tensor) => max(t))(rt.tensor([3, 1, 3, 3]));
    expect(values(g)).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
  });

  it('maximum gives a tie to its first input, minimum too', () => {
    const [a, b] = [rt.tensor([1, 2, 3]), rt.tensor([1, 1, 4])];
    const gmax = grad((p: Tensor[]) => sum(maximum(p[0]!, p[1]!)))([a, b]);
    expect(gmax.map(values)).toEqual([
      [1, 1, 0],
      [0, 0, 1],
    ]);
    const gmin = grad((p: Tensor[]) => sum(minimum(p[0]!, p[1]!)))([a, b]);
    expect(gmin.map(values)).toEqual([
      [1, 0, 1],
      [0, 1, 0],
    ]);
  });

  it('maximum ties under broadcasting: a [2,1] against b [3]', () => {
    const [a, b] = [rt.tensor([[2], [0]]), rt.tensor([2, 1, 2])];
    const g = grad((p: Tensor[]) => sum(maximum(p[0]!, p[1]!)))([a, b]);
    expect(g.map(values)).toEqual([
      [3, 0],
      [1, 1, 1],
    ]);
  });

  it('relu has slope 0 at exactly 0 (PyTorch and TF), and softplus slope 1/2 there', () => {
    expect(values(grad((t: Tensor) => sum(relu(t)))(rt.tensor([-1, 0, 2])))).toEqual([0, 0, 1]);
    // softplus' = sigmoid: 1/2 at 0, 1/(1 + e^-3) at 3.
    const g = values(grad((t: Tensor) => sum(softplus(t)))(rt.tensor([0, 3])));
    expect(g[0]).toBe(0.5);
    expect(g[1]).toBeCloseTo(1 / (1 + Math.exp(-3)), 12);
  });

  it('sigmoid has finite gradients at saturating inputs', () => {
    // sigmoid' = s(1 - s): 1/4 at 0, e^-100 at ±100 (positive, far below float64 resolution of 1).
    const g = values(grad((t: Tensor) => sum(sigmoid(t)))(rt.tensor([-100, 0, 100])));
    expect(g[1]).toBe(0.25);
    expect(g[0]).toBeCloseTo(Math.exp(-100), 50);
    expect(g.every(Number.isFinite)).toBe(true);
  });

  it('comparison masks are constants, as in PyTorch', () => {
    const x = rt.tensor([-1, 2, 3]);
    const g = grad((t: Tensor) => sum(mul(t, cast(greater(t, 0), 'float32'))))(x);
    expect(values(g)).toEqual([0, 1, 1]);
  });

  it('nested gradients are refused rather than silently zero', () => {
    const x = rt.tensor([1, 2]);
    expect(() => grad((t: Tensor) => sum(grad((u: Tensor) => sum(mul(u, u)))(t)))(x)).toThrow(
      UnsupportedError,
    );
  });

  it('maxPool gives the whole dy to the first maximal cell in row-major window order', () => {
    const x = nhwc([5, 5, 1, 5], [1, 2, 2, 1]);
    expect(values(grad((t: Tensor) => sum(maxPool(t, { windowSize: 2 })))(x))).toEqual([1, 0, 0, 0]);
    // Overlapping windows [0,1] and [1,2] of three equal cells: each window's dy goes to its first cell.
    const y = nhwc([2, 2, 2], [1, 1, 3, 1]);
    const g = grad((t: Tensor) => maxPool(t, { windowSize: [1, 2], strides: 1 }))(
      y,
      nhwc([3, 4], [1, 1, 2, 1]),
    );
    expect(values(g)).toEqual([3, 4, 0]);
  });

  it("maxPoolBackward's gradient reads g at the same first maximal cell, and none goes to x", () => {
    const x = nhwc([2, 2, 2], [1, 1, 3, 1]);
    const attrs = attrsOf<Pool2DAttrs>(rt, () => maxPool(x, { windowSize: [1, 2], strides: 1 }));
    const g = nhwc([1, 2, 3], [1, 1, 3, 1]);
    const [du, dx] = grad((p: Tensor[]) => sum(mul(maxPoolBackward(p[0]!, p[1]!, attrs), g)))([
      nhwc([1, 1], [1, 1, 2, 1]),
      x,
    ]);
    expect(values(du!)).toEqual([1, 2]);
    expect(values(dx!)).toEqual([0, 0, 0]);
  });
});

describe('edges', () => {
  it('abs takes the subgradient 0 at 0', () => {
    expect(values(grad((t: Tensor) => sum(abs(t)))(rt.tensor([-2, 0, 3])))).toEqual([-1, 0, 1]);
  });

  it('pow: no NaN at 0^0, and the exponent gets 0 where the base is not positive', () => {
    const [a, b] = [rt.tensor([0, -2, 0, 2]), rt.tensor([2, 2, 0, 3])];
    const [da, db] = grad((p: Tensor[]) => sum(pow(p[0]!, p[1]!)))([a, b]);
    expect(values(da!)).toEqual([0, -4, 0, 12]);
    expect(values(db!)).toEqual([0, 0, 0, expect.closeTo(8 * Math.log(2), 12)]);
  });
});

describe('non-differentiable inputs', () => {
  it('where gives no gradient to its condition', () => {
    const dy = rt.tensor([1, 1]);
    const shapes = { inputShapes: [[2], [2], [2]] };
    expect(
      whereRule.backward(dy, ctx({ inputs: [rt.tensor([true, false], [2], 'bool')], ...shapes }))[0],
    ).toBe(undefined);
    // The condition depends on x, yet x's gradient is only what flows through the branches.
    const g = grad((x: Tensor) => sum(where(greater(x, 0), mul(x, 3), x)))(rt.tensor([-1, 2]));
    expect(values(g)).toEqual([1, 3]);
  });

  it('gather accumulates the gradient of repeated indices', () => {
    const x = rt.tensor([10, 20, 30]);
    const idx = rt.tensor(new Int32Array([0, 2, 0, 0]), [4]);
    expect(values(grad((t: Tensor) => gather(t, idx))(x, rt.tensor([1, 2, 3, 4])))).toEqual([8, 0, 2]);
    const rows = rt.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const cols = rt.tensor(new Int32Array([1, 1]), [2]);
    expect(values(grad((t: Tensor) => sum(gather(t, cols, 1)))(rows))).toEqual([0, 2, 0, 0, 2, 0]);
  });

  it('scatterAdd hands every repeated update the gradient of its target', () => {
    const idx = rt.tensor(new Int32Array([1, 1, 0]), [3]);
    const g = grad((u: Tensor) => scatterAdd(u, idx, 0, 2))(rt.tensor([1, 2, 3]), rt.tensor([5, 7]));
    expect(values(g)).toEqual([7, 7, 5]);
  });

  it.each(['int32', 'bool'] as const)('cast from %s raises the typed error naming cast', (dtype) => {
    const x = rt.tensor([1.5, 2.5]);
    expect(() => grad((t: Tensor) => sum(cast(cast(t, dtype), 'float32')))(x)).toThrow(DTypeError);
    expect(() => grad((t: Tensor) => sum(cast(cast(t, dtype), 'float32')))(x)).toThrow(/^cast: /);
  });

  it('cast from float32 to int32 is piecewise constant: no gradient', () => {
    const dy = rt.tensor([1], [1], 'int32');
    const rule = castRule.backward(dy, { ...ctx(), attrs: { dtype: 'int32' }, inputDtypes: ['float32'] });
    expect(rule).toEqual([undefined]);
  });
});

describe('memory', () => {
  it('rules free every intermediate they make, the tape every value it saved', () => {
    const x = rt.keep(rt.tensor([0.3, -1.2, 2.1, 0.7, -0.4, 1.5, -2.2, 0.9], [1, 2, 2, 2]));
    const w = rt.keep(rt.tensor([0.5, -0.25, 1, 0.75, -0.5, 0.2, 0.1, -1], [2, 2, 2, 1]));
    const idx = rt.keep(rt.tensor(new Int32Array([1, 0, 1]), [3]));
    const pool = { windowSize: 2, strides: 1 };
    const attrs = attrsOf<Pool2DAttrs>(rt, () => maxPool(rt.tensor([1, 2, 3, 4], [1, 2, 2, 1]), pool));
    const before = rt.memory();
    const loss = (p: Tensor[]) => {
      const y = conv2d(p[0]!, p[1]!, { padding: 'same' });
      const z = reshape(maxPoolBackward(maxPool(y, pool), y, attrs), [2, 2]);
      const t = gather(softmax(z), idx);
      return sum(where(greater(t, 0.3), pow(add(abs(t), 1), 1.5), tanh(max(t, 0, true))));
    };
    const grads = grad(loss)([x, w]);
    for (const g of grads) g.dispose();
    expect(rt.memory()).toMatchObject({ numTensors: before.numTensors, numBytes: before.numBytes });
  });
});
