import { argmax, broadcastTo, max, reshape, type Shape, sum } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime, dot, expectClose, randomTensor, ravel, unravel, values } from '../test-utils/helpers';

const rt = cpuRuntime();
const NaN = Number.NaN;

/** Reduces by visiting every element and adding it to the output index it drops into. */
function reduceReference(
  x: number[],
  shape: Shape,
  axes: number[],
  init: number,
  f: (a: number, b: number) => number,
) {
  const outShape = shape.filter((_, a) => !axes.includes(a));
  const out = new Array<number>(outShape.reduce((a, b) => a * b, 1)).fill(init);
  x.forEach((v, i) => {
    const idx = unravel(i, shape).filter((_, a) => !axes.includes(a));
    const o = ravel(idx, outShape);
    out[o] = f(out[o]!, v);
  });
  return out;
}

describe('sum', () => {
  const shape = [3, 4, 5];
  const x = randomTensor(rt, shape, 1);
  it.each([[[0]], [[1]], [[2]], [[0, 1]], [[0, 2]], [[1, 2]], [[0, 1, 2]], [[]]])('over axes %j', (axes) => {
    const y = sum(x, axes);
    expectClose(
      values(y),
      reduceReference(values(x), shape, axes, 0, (a, b) => a + b),
      1e-6,
    );
  });

  it('keeps dims, sums to 0 when empty, and handles scalars', () => {
    const m = rt.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const y = sum(m, 0, true);
    expect(y.shape).toEqual([1, 3]);
    expect(values(y)).toEqual([5, 7, 9]);
    expect(values(sum(m))).toEqual([21]);
    expect(values(sum(rt.tensor([], [2, 0]), 1))).toEqual([0, 0]);
    expect(sum(rt.tensor([], [0, 3]), 1).shape).toEqual([0]);
    expect(values(sum(rt.scalar(4)))).toEqual([4]);
  });

  it('accumulates float32 sums in float64 and wraps int32 sums', () => {
    // 2^24 + 1 + 1 + ... is not representable step by step in float32.
    const x = rt.tensor([16777216, ...new Array(8).fill(1)]);
    expect(values(sum(x))).toEqual([16777224]);
    const i = rt.tensor([2147483647, 1, 5], [3], 'int32');
    expect(values(sum(i))).toEqual([-2147483643]);
    expect(sum(i).dtype).toBe('int32');
  });

  // broadcastTo and summing over the broadcast axes are adjoint: <broadcastTo(x), y> = <x, sum(y)>.
  it.each([
    [[3], [2, 4, 3]],
    [
      [4, 1],
      [2, 4, 3],
    ],
    [
      [1, 4, 1],
      [2, 4, 3],
    ],
    [[1], [5]],
    [[], [2, 3]],
    [
      [2, 1, 3],
      [2, 4, 3],
    ],
  ])('broadcastTo %j → %j is the adjoint of summing back', (from, to) => {
    const x = randomTensor(rt, from, 2);
    const y = randomTensor(rt, to, 3);
    const b = broadcastTo(x, to);
    expect(b.shape).toEqual(to);
    const lead = to.length - from.length;
    const axes = to.map((_, a) => a).filter((a) => a < lead || (from[a - lead] === 1 && to[a] !== 1));
    const back = reshape(sum(y, axes, true), from);
    expect(Math.abs(dot(values(b), values(y)) - dot(values(x), values(back)))).toBeLessThan(1e-5);
  });
});

describe('broadcastTo', () => {
  it('repeats a row and a column by hand', () => {
    expect(values(broadcastTo(rt.tensor([1, 2, 3]), [2, 3]))).toEqual([1, 2, 3, 1, 2, 3]);
    expect(values(broadcastTo(rt.tensor([[1], [2]]), [2, 3]))).toEqual([1, 1, 1, 2, 2, 2]);
    expect(values(broadcastTo(rt.scalar(true), [2]))).toEqual([1, 1]);
    expect(broadcastTo(rt.tensor([1]), [0, 1]).shape).toEqual([0, 1]);
  });
});

describe('max', () => {
  const shape = [4, 3, 2];
  const x = randomTensor(rt, shape, 4);
  it.each([[[0]], [[1]], [[2]], [[0, 2]], [[0, 1, 2]]])('over axes %j', (axes) => {
    expect(values(max(x, axes))).toEqual(reduceReference(values(x), shape, axes, -Infinity, Math.max));
  });

  it('propagates NaN and works on int32', () => {
    expect(
      values(
        max(
          rt.tensor([
            [1, NaN, 3],
            [4, 5, 6],
          ]),
          1,
        ),
      ),
    ).toEqual([NaN, 6]);
    expect(values(max(rt.tensor([NaN, 1, 2])))).toEqual([NaN]);
    expect(values(max(rt.tensor([-5, -2, -9], [3], 'int32')))).toEqual([-2]);
    expect(values(max(rt.tensor([[-Infinity, -Infinity]]), 1))).toEqual([-Infinity]);
  });
});

describe('argmax', () => {
  it('finds the first max along an axis', () => {
    const m = rt.tensor([
      [1, 5, 5],
      [7, 2, 7],
    ]);
    const a = argmax(m, 1);
    expect(a.dtype).toBe('int32');
    expect(values(a)).toEqual([1, 0]);
    expect(values(argmax(m, 0))).toEqual([1, 0, 1]);
  });

  it('counts NaN as maximal, the first NaN winning', () => {
    expect(values(argmax(rt.tensor([1, NaN, 9, NaN])))).toEqual([1]);
    expect(
      values(
        argmax(
          rt.tensor([
            [3, 1],
            [NaN, 2],
            [4, NaN],
          ]),
          0,
        ),
      ),
    ).toEqual([1, 2]);
  });

  it('matches a reference on a random 3-D tensor along each axis', () => {
    const shape = [3, 4, 5];
    const x = randomTensor(rt, shape, 8);
    const xv = values(x);
    for (const axis of [0, 1, 2]) {
      const outShape = shape.filter((_, a) => a !== axis);
      const expected = new Array<number>(outShape.reduce((a, b) => a * b, 1)).fill(0);
      for (let o = 0; o < expected.length; o++) {
        const idx = unravel(o, outShape);
        let best = 0;
        for (let k = 1; k < shape[axis]!; k++) {
          const at = (j: number) => xv[ravel([...idx.slice(0, axis), j, ...idx.slice(axis)], shape)]!;
          if (at(k) > at(best)) best = k;
        }
        expected[o] = best;
      }
      expect(values(argmax(x, axis))).toEqual(expected);
    }
    expect(values(argmax(rt.tensor([3, -1, 8, 8], [4], 'int32')))).toEqual([2]);
  });
});
