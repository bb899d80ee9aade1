import {
  clip,
  expandDims,
  logSoftmax,
  logSumExp,
  mean,
  min,
  mul,
  reciprocal,
  relu,
  sigmoid,
  softmax,
  softplus,
  square,
  squeeze,
  stack,
  sum,
  type Tensor,
  variance,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { grad } from '../grad';
import { gradCheck } from '../grad-check';
import { referenceRuntime, sampler } from './test-utils';

const { rt } = referenceRuntime(99);
const { normal, awayFromZero } = sampler(rt);

// Core's composites differentiate through the primitive rules alone.
const cases: [string, (...xs: Tensor[]) => Tensor, () => Tensor[]][] = [
  ['sigmoid', (x) => sigmoid(x!), () => [normal([2, 3])]],
  ['sigmoid of a scalar', (x) => sigmoid(x!), () => [normal([])]],
  ['softmax on the last axis', (x) => softmax(x!), () => [normal([2, 4])]],
  ['softmax on axis 0', (x) => softmax(x!, 0), () => [normal([3, 2])]],
  ['softmax of a size-1 axis', (x) => softmax(x!), () => [normal([3, 1])]],
  ['logSoftmax', (x) => logSoftmax(x!), () => [normal([2, 4])]],
  ['logSoftmax on axis 0', (x) => logSoftmax(x!, 0), () => [normal([3, 2])]],
  ['logSumExp over everything', (x) => logSumExp(x!), () => [normal([2, 3, 4])]],
  ['logSumExp over [0, 2], keepDims', (x) => logSumExp(x!, [0, 2], true), () => [normal([2, 3, 4])]],
  ['logSumExp over the last axis', (x) => logSumExp(x!, -1), () => [normal([3, 5])]],
  ['mean over everything', (x) => mean(x!), () => [normal([2, 3])]],
  ['mean over axis 1, keepDims', (x) => mean(x!, 1, true), () => [normal([2, 3, 2])]],
  ['variance over everything', (x) => variance(x!), () => [normal([2, 3])]],
  ['variance over axis 0, unbiased', (x) => variance(x!, 0, false, 1), () => [normal([4, 3])]],
  ['min over everything', (x) => min(x!), () => [normal([2, 3])]],
  ['min over axis 1', (x) => min(x!, 1), () => [normal([3, 4])]],
  ['softplus', (x) => softplus(x!), () => [awayFromZero([2, 3], 0.05, 4)]],
  ['relu', (x) => relu(x!), () => [awayFromZero([2, 3], 0.1)]],
  ['clip to [-1, 1]', (x) => clip(x!, -1, 1), () => [rt.tensor([-2.5, -0.5, 0.3, 0.9, 1.7, -1.3], [2, 3])]],
  [
    'stack on axis 0',
    (a, b, c) => stack([a!, b!, c!]),
    () => [normal([2, 3]), normal([2, 3]), normal([2, 3])],
  ],
  ['stack on the last axis', (a, b) => stack([a!, b!], -1), () => [normal([2]), normal([2])]],
  ['squeeze every size-1 axis', (x) => squeeze(x!), () => [normal([1, 3, 1])]],
  ['squeeze axis 0', (x) => squeeze(x!, 0), () => [normal([1, 2, 1])]],
  ['expandDims', (x) => expandDims(x!, 1), () => [normal([2, 3])]],
  ['square', (x) => square(x!), () => [normal([2, 3])]],
  ['reciprocal', (x) => reciprocal(x!), () => [awayFromZero([2, 3], 0.3)]],
];

describe('composites', () => {
  it.each(cases.map(([name, f, inputs]) => ({ name, f, inputs })))('$name', ({ f, inputs }) => {
    const report = gradCheck(f, inputs());
    expect(report.ok, report.message).toBe(true);
  });

  it('softmax matches its closed form p·(w - Σ p·w) for loss Σ softmax(x)·w', () => {
    const [xs, ws] = [
      [1, 2, 3],
      [0.5, -1, 2],
    ];
    const z = xs.reduce((acc, v) => acc + Math.exp(v), 0);
    const p = xs.map((v) => Math.exp(v) / z);
    const pw = p.reduce((acc, v, i) => acc + v * ws[i]!, 0);
    const g = grad((x: Tensor) => sum(mul(softmax(x), rt.tensor(ws))))(rt.tensor(xs));
    expect(Array.from(g.dataSync())).toEqual(p.map((v, i) => expect.closeTo(v * (ws[i]! - pw), 12)));
  });
});
