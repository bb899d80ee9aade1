import { describe, expect, it } from 'vitest';
import { EmptyDatasetError } from './errors';
import { fromArrays } from './from-arrays';
import { fromGenerator } from './from-generator';
import { hostTensor } from './host-tensor';
import { trainValidationSplit } from './train-validation-split';

const ds = (n: number) => fromArrays({ y: hostTensor(Int32Array.from({ length: n }, (_, i) => i)) });
const ids = async (d: ReturnType<typeof ds>) => (await d.toArray()).map((e) => e.y.data[0]!);

describe('trainValidationSplit', () => {
  it('takes the last examples by default (Keras validation_split)', async () => {
    const { train, validation } = trainValidationSplit(ds(10), { validation: 0.2 });
    expect(await ids(train)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await ids(validation)).toEqual([8, 9]);
    expect(train.randomAccess).toBe(true);
  });

  it('splits a seeded permutation with shuffle: disjoint, complete, the same every time', async () => {
    const a = trainValidationSplit(ds(100), { validation: 25, shuffle: true, seed: 4 });
    const b = trainValidationSplit(ds(100), { validation: 25, shuffle: true, seed: 4 });
    const [t, v] = [await ids(a.train), await ids(a.validation)];
    expect(v).toHaveLength(25);
    expect([...t, ...v].sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(await ids(b.validation)).toEqual(v);
    expect(v).not.toEqual(Array.from({ length: 25 }, (_, i) => 75 + i));
  });

  it('refuses empty data, bad sizes and datasets without random access', () => {
    expect(() => trainValidationSplit(ds(0), { validation: 0.1 })).toThrow(EmptyDatasetError);
    expect(() => trainValidationSplit(ds(10), { validation: 10 })).toThrow(/both need at least one/);
    expect(() => trainValidationSplit(ds(10), { validation: 1.5 })).toThrow(
      /fraction in \(0, 1\) or a whole count/,
    );
    expect(() =>
      trainValidationSplit(
        fromGenerator(() => [1, 2][Symbol.iterator]()),
        { validation: 0.5 },
      ),
    ).toThrow(/no random access/);
  });
});
