import { gather, InvalidArgumentError, oneHot, scatterAdd } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime, dot, randomTensor, values } from '../test-utils/helpers';

const rt = cpuRuntime();
const idx = (xs: number[], shape = [xs.length]) => rt.tensor(xs, shape, 'int32');

describe('gather', () => {
  const x = rt.tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it('takes rows and columns by hand, indices of any shape', () => {
    expect(values(gather(x, idx([1, 0, 1])))).toEqual([4, 5, 6, 1, 2, 3, 4, 5, 6]);
    const cols = gather(x, idx([2, 0, 0, 1], [2, 2]), 1);
    expect(cols.shape).toEqual([2, 2, 2]);
    expect(values(cols)).toEqual([3, 1, 1, 2, 6, 4, 4, 5]);
    expect(gather(x, idx([1], []), 0).shape).toEqual([3]);
    expect(gather(x, idx([]), 1).shape).toEqual([2, 0]);
  });

  it('throws InvalidArgumentError naming the bad index and the valid range', () => {
    expect(() => gather(x, idx([0, 2]))).toThrow(InvalidArgumentError);
    expect(() => gather(x, idx([0, 2]))).toThrow(/^gather: index 2 .*0\.\.1/);
    expect(() => gather(x, idx([-1]), 1)).toThrow(/gather: index -1 .*0\.\.2/);
  });

  it('allocates nothing when it throws', () => {
    const before = rt.memory().backends.cpu!.backend.buffers;
    const i = idx([5]);
    expect(() => gather(x, i)).toThrow();
    i.dispose();
    expect(rt.memory().backends.cpu!.backend.buffers).toBe(before);
  });
});

describe('scatterAdd', () => {
  it('accumulates repeated indices by hand', () => {
    const u = rt.tensor([
      [1, 2],
      [10, 20],
      [100, 200],
    ]);
    expect(values(scatterAdd(u, idx([2, 0, 2]), 0, 4))).toEqual([10, 20, 0, 0, 101, 202, 0, 0]);
    const ui = rt.tensor([2147483647, 1, 3], [3], 'int32');
    expect(values(scatterAdd(ui, idx([0, 0, 1]), 0, 2))).toEqual([-2147483648, 3]);
  });

  it('throws for an index outside the output', () => {
    expect(() => scatterAdd(rt.tensor([1]), idx([3]), 0, 3)).toThrow(/^scatterAdd: index 3 .*0\.\.2/);
  });

  // scatterAdd is gather's adjoint: <gather(x, i), u> = <x, scatterAdd(u, i)>.
  it.each([
    [[5, 3], [7], 0],
    [[4, 6, 2], [3, 2], 1],
    [[3, 4], [2, 5], 1],
    [[6], [6], 0],
  ] as [number[], number[], number][])(
    'is the adjoint of gather: x %j, indices %j, axis %d',
    (shape, ishape, axis) => {
      const n = shape[axis]!;
      const size = ishape.reduce((a, b) => a * b, 1);
      const indices = idx(
        Array.from({ length: size }, (_, k) => (k * 5 + 3) % n),
        ishape,
      );
      const x = randomTensor(rt, shape, 1);
      const g = gather(x, indices, axis);
      const u = randomTensor(rt, g.shape, 2);
      const s = scatterAdd(u, indices, axis, n);
      expect(s.shape).toEqual(shape);
      expect(Math.abs(dot(values(g), values(u)) - dot(values(x), values(s)))).toBeLessThan(1e-5);
    },
  );
});

describe('oneHot', () => {
  it('writes onValue at each index and offValue elsewhere, out-of-range rows all off', () => {
    const y = oneHot(idx([0, 2, 3, -1]), 3);
    expect(y.shape).toEqual([4, 3]);
    expect(values(y)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(values(oneHot(idx([1, 0], [2, 1]), 2, { onValue: 5, offValue: -1, dtype: 'int32' }))).toEqual([
      -1, 5, 5, -1,
    ]);
    expect(values(oneHot(idx([1]), 2, { dtype: 'bool' }))).toEqual([0, 1]);
    expect(oneHot(idx([1]), 0).shape).toEqual([1, 0]);
  });
});
