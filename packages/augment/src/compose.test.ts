import { InvalidArgumentError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { compose } from './compose';
import { mixup } from './mixup';
import { normalize } from './normalize';
import { randomCrop } from './random-crop';
import { randomHorizontalFlip } from './random-horizontal-flip';
import { randomRotation } from './random-rotation';
import { resize } from './resize';
import { codedImages, cpuRuntime, values } from './test-utils/helpers';

const rt = cpuRuntime(5);
const SHAPE = [40, 4, 5, 1] as const;
const x = codedImages(rt, SHAPE);
const xv = values(x);
const PER = 20;

describe('compose', () => {
  it('applies steps in order', () => {
    const flipThenNorm = compose([randomHorizontalFlip({ p: 1 }), normalize({ mean: 1, std: 2 })]);
    const y = values(flipThenNorm.apply(x));
    expect(y[0]).toBe((xv[4]! - 1) / 2);
  });

  it('a step with probability p changes about p of the samples, each either fully or not at all', () => {
    const t = compose([
      { transform: randomRotation({ degrees: [90, 90], interpolation: 'nearest' }), p: 0.25 },
    ]);
    const sq = codedImages(rt, [40, 4, 4, 1]);
    const sv = values(sq);
    const y = values(t.apply(sq));
    let changed = 0;
    for (let b = 0; b < 40; b++) {
      const same = y.slice(b * 16, b * 16 + 16).every((v, i) => v === sv[b * 16 + i]);
      if (!same) changed++;
    }
    expect(changed).toBeGreaterThan(3);
    expect(changed).toBeLessThan(20);
  });

  it('is the identity at evaluation, except for deterministic steps', () => {
    const pipeline = compose([
      randomHorizontalFlip(),
      { transform: randomRotation({ degrees: 30 }), p: 0.5 },
    ]);
    expect(pipeline.random).toBe(true);
    expect(pipeline.apply(x, { training: false })).toBe(x);
    const withNorm = compose([randomHorizontalFlip({ p: 1 }), normalize({ mean: 0, std: 2 })]);
    expect(values(withNorm.apply(x, { training: false }))).toEqual(xv.map((v) => v / 2));
    expect(randomHorizontalFlip().apply(x, { training: false })).toBe(x);
  });

  it('evaluates images without labels when its label-aware steps are skipped', () => {
    const pipeline = compose([mixup({ alpha: 0.4, numClasses: 3 }), normalize({ mean: 0, std: 2 })]);
    expect(values(pipeline.apply(x, { training: false }))).toEqual(xv.map((v) => v / 2));
    expect(mixup({ numClasses: 3 }).apply(x, { training: false })).toBe(x);
    expect(() => pipeline.apply(x)).toThrow(InvalidArgumentError);
  });

  it('keeps label-aware steps consistent under a probability: unmixed samples get one-hot rows', () => {
    const labels = rt.tensor(
      Int32Array.from({ length: 40 }, (_, b) => b % 3),
      [40],
      'int32',
    );
    const out = compose([{ transform: mixup({ alpha: 1, numClasses: 3 }), p: 0.5 }]).apply({
      images: x,
      labels,
    });
    expect(out.labels!.shape).toEqual([40, 3]);
    const y = values(out.labels!);
    let untouched = 0;
    for (let b = 0; b < 40; b++) {
      const row = y.slice(3 * b, 3 * b + 3);
      expect(row.reduce((a, v) => a + v)).toBeCloseTo(1, 6);
      const imageSame = values(out.images)
        .slice(b * PER, (b + 1) * PER)
        .every((v, i) => v === xv[b * PER + i]);
      if (row[b % 3] === 1 && imageSame) untouched++;
    }
    expect(untouched).toBeGreaterThan(5);
  });

  it('passes labels through label-free steps to a label-aware one', () => {
    const labels = rt.tensor(
      Int32Array.from({ length: 40 }, (_, b) => b % 3),
      [40],
      'int32',
    );
    expect(randomRotation({ degrees: 5 }).apply({ images: x, labels }).labels).toBe(labels);
    const out = compose([randomHorizontalFlip(), mixup({ numClasses: 3 })]).apply({ images: x, labels });
    expect(out.labels!.shape).toEqual([40, 3]);
  });

  it('refuses a shape-changing step with p < 1, naming it', () => {
    const t = compose([{ transform: resize({ size: [8, 8] }), p: 0.5 }]);
    // resize is deterministic: it always runs, so p only matters for random steps.
    expect(t.apply(x).shape).toEqual([40, 8, 8, 1]);
    const crop = compose([{ transform: randomCrop({ size: [2, 2] }), p: 0.5 }]);
    expect(() => crop.apply(x)).toThrow(InvalidArgumentError);
    expect(() => crop.apply(x)).toThrow(/compose: randomCrop changes the batch shape/);
  });

  it('checks its steps', () => {
    expect(() => compose([{ transform: randomHorizontalFlip(), p: 1.5 }])).toThrow(
      /compose: step 0 .*p in \[0, 1\]/,
    );
    expect(() => compose([{} as never])).toThrow(/step 0 is not a transform/);
  });

  it('frees every intermediate tensor', () => {
    const pipeline = compose([
      randomHorizontalFlip(),
      { transform: randomRotation({ degrees: 30 }), p: 0.5 },
    ]);
    const before = rt.memory().numTensors;
    const y = pipeline.apply(x);
    expect(rt.memory().numTensors).toBe(before + 1);
    y.dispose();
  });
});
