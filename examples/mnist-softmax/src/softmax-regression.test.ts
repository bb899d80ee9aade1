import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { gatherBatch, loadMnist } from './mnist';
import { accuracy, createModel, sgdStep } from './softmax-regression';

describe('softmax regression on real MNIST', () => {
  it('learns: one pass over 6,000 training images gives > 85% on 2,000 test images, leaking nothing', () => {
    const rt = createRuntime({ plugins: [cpuBackend()], seed: 1 });
    const train = loadMnist('train');
    const test = loadMnist('t10k');
    expect(train.count).toBe(60000);
    expect(test.count).toBe(10000);

    const model = createModel(rt, 784, 10);
    const order = rt.shuffle(6000);
    const baseline = rt.memory().numTensors;
    const losses: number[] = [];
    for (let step = 0; step < 60; step++) {
      const { x, y } = gatherBatch(train, order, step * 100, 100);
      const loss = rt.tidy(() => sgdStep(rt, model, rt.tensor(x, [100, 784]), rt.tensor(y, [100]), 0.5));
      losses.push(loss.dataSync()[0]!);
      loss.dispose();
    }
    expect(rt.memory().numTensors).toBe(baseline);
    // Zero weights predict uniformly: the first loss is exactly ln 10.
    expect(losses[0]).toBeCloseTo(Math.log(10), 5);
    expect(losses.slice(-10).reduce((a, b) => a + b) / 10).toBeLessThan(0.6);

    const { x, y } = gatherBatch(
      test,
      Int32Array.from({ length: 2000 }, (_, i) => i),
      0,
      2000,
    );
    const acc = rt.tidy(() => accuracy(rt, model, rt.tensor(x, [2000, 784]), rt.tensor(y, [2000])));
    expect(acc).toBeGreaterThan(0.85);
  });
});
