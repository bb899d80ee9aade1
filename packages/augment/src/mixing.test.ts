import { oneHot, ShapeError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cutmix } from './cutmix';
import { mixup } from './mixup';
import { cpuRuntime, values } from './test-utils/helpers';

const rt = cpuRuntime(2024);
const [N, H, W, C] = [10, 8, 9, 2];
// Sample b is the constant (b + 1) · 10 and has class b, so every mixed pixel says which
// samples it came from and in what proportion.
const images = rt.tensor(
  Float32Array.from({ length: N * H * W * C }, (_, i) => (Math.floor(i / (H * W * C)) + 1) * 10),
  [N, H, W, C],
);
const labels = rt.tensor(
  Int32Array.from({ length: N }, (_, b) => b),
  [N],
  'int32',
);

function rows(t: { dataSync(): ArrayLike<number> }): number[][] {
  const v = Array.from(t.dataSync());
  return Array.from({ length: N }, (_, b) => v.slice(b * N, (b + 1) * N));
}

describe('mixup', () => {
  it('mixes each label row with the same λ as its image: pixel = Σ weight_k · value_k', () => {
    const out = mixup({ alpha: 0.4, numClasses: N }).apply({ images, labels });
    expect(out.labels!.shape).toEqual([N, N]);
    const y = rows(out.labels!);
    const x = values(out.images);
    const lambdas: number[] = [];
    for (let b = 0; b < N; b++) {
      const w = y[b]!;
      expect(w.reduce((a, v) => a + v)).toBeCloseTo(1, 6);
      expect(w.filter((v) => v > 0).length).toBeLessThanOrEqual(2);
      const expected = w.reduce((a, v, k) => a + v * (k + 1) * 10, 0);
      for (let p = 0; p < H * W * C; p++) expect(x[b * H * W * C + p]).toBeCloseTo(expected, 4);
      lambdas.push(w[b]!);
    }
    // λ is drawn per sample: not all the same, not all 1.
    expect(new Set(lambdas.map((l) => l.toFixed(4))).size).toBeGreaterThan(3);
    expect(lambdas.some((l) => l < 0.99)).toBe(true);
  });

  it('accepts one-hot float rows, and alpha 0 is the identity', () => {
    const hot = oneHot(labels, N);
    const out = mixup({ alpha: 0 }).apply({ images, labels: hot });
    expect(values(out.images)).toEqual(values(images));
    expect(values(out.labels!)).toEqual(values(hot));
  });

  it('int labels without numClasses are a typed error naming mixup', () => {
    expect(() => mixup().apply({ images, labels })).toThrow(ShapeError);
    expect(() => mixup().apply({ images, labels })).toThrow(
      /mixup: int32 class labels \[n\] need numClasses/,
    );
  });
});

describe('cutmix', () => {
  it('weights each label by the area it covers: own weight = fraction of own pixels left', () => {
    const out = cutmix({ alpha: 1, numClasses: N }).apply({ images, labels });
    const y = rows(out.labels!);
    const x = values(out.images);
    let mixed = 0;
    for (let b = 0; b < N; b++) {
      const px = x.slice(b * H * W * C, (b + 1) * H * W * C);
      const counts = new Array<number>(N).fill(0);
      for (const v of px) counts[v / 10 - 1]! += 1 / (H * W * C);
      for (let k = 0; k < N; k++) expect(y[b]![k], `sample ${b} class ${k}`).toBeCloseTo(counts[k]!, 6);
      if (y[b]![b]! < 1) mixed++;
    }
    expect(mixed).toBeGreaterThan(3);
  });

  it('alpha 0 pastes nothing', () => {
    const out = cutmix({ alpha: 0, numClasses: N }).apply({ images, labels });
    expect(values(out.images)).toEqual(values(images));
    expect(values(out.labels!)).toEqual(values(oneHot(labels, N)));
  });
});
