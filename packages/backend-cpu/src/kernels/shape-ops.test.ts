import { concat, pad, type Shape, slice, transpose } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime, dot, randomTensor, ravel, unravel, values } from '../test-utils/helpers';

const rt = cpuRuntime();

describe('transpose', () => {
  it('transposes a matrix by hand and keeps dtype', () => {
    const m = rt.tensor([1, 2, 3, 4, 5, 6], [2, 3], 'int32');
    const t = transpose(m);
    expect(t.shape).toEqual([3, 2]);
    expect(t.dtype).toBe('int32');
    expect(values(t)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  const perms: [Shape, number[]][] = [
    [
      [2, 3, 4],
      [2, 0, 1],
    ],
    [
      [2, 3, 4],
      [1, 0, 2],
    ],
    [
      [2, 3, 4],
      [0, 2, 1],
    ],
    [
      [2, 1, 3, 2],
      [3, 1, 0, 2],
    ],
    [[4], [0]],
    [[], []],
    [
      [0, 3],
      [1, 0],
    ],
  ];
  it.each(perms)('moves element at index i to perm(i): %j by %j', (shape, perm) => {
    const x = randomTensor(rt, shape, 1);
    const y = transpose(x, perm);
    const outShape = perm.map((p) => shape[p]!);
    expect(y.shape).toEqual(outShape);
    const xv = values(x);
    const expected = values(y).map((_, o) => {
      const oi = unravel(o, outShape);
      const xi = new Array<number>(shape.length);
      perm.forEach((p, a) => {
        xi[p] = oi[a]!;
      });
      return xv[ravel(xi, shape)]!;
    });
    expect(values(y)).toEqual(expected);
    // A permutation is orthogonal: its adjoint is the inverse permutation.
    const dy = randomTensor(rt, outShape, 2);
    const inverse = perm.map((_, a) => perm.indexOf(a));
    expect(Math.abs(dot(values(y), values(dy)) - dot(xv, values(transpose(dy, inverse))))).toBeLessThan(1e-9);
  });
});

describe('slice and pad', () => {
  it('slice takes a block by hand', () => {
    const x = rt.tensor([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
    expect(values(slice(x, [1, 1], [2, 2]))).toEqual([6, 7, 10, 11]);
    expect(values(slice(x, [0, 3]))).toEqual([4, 8, 12]);
    expect(slice(x, [1, 1], [0, 2]).shape).toEqual([0, 2]);
    expect(values(slice(rt.scalar(3), []))).toEqual([3]);
  });

  it('pad surrounds with a value by hand, in each dtype', () => {
    expect(
      values(
        pad(
          rt.tensor([[1, 2]]),
          [
            [1, 0],
            [0, 2],
          ],
          9,
        ),
      ),
    ).toEqual([9, 9, 9, 9, 1, 2, 9, 9]);
    expect(values(pad(rt.tensor([1, 2], [2], 'int32'), [[1, 1]], -2.7))).toEqual([-2, 1, 2, -2]);
    expect(values(pad(rt.tensor([true]), [[0, 2]], 0))).toEqual([1, 0, 0]);
    expect(values(pad(rt.tensor([], [0]), [[2, 1]]))).toEqual([0, 0, 0]);
  });

  // Padding embeds x; slicing the same block back out is its adjoint: <pad(x), y> = <x, slice(y)>.
  it.each([
    [
      [3, 4],
      [
        [1, 2],
        [0, 3],
      ],
    ],
    [
      [2, 3, 2],
      [
        [0, 0],
        [2, 1],
        [1, 1],
      ],
    ],
    [[5], [[0, 0]]],
    [
      [2, 1, 3, 2],
      [
        [1, 0],
        [0, 2],
        [3, 0],
        [1, 1],
      ],
    ],
  ] as [Shape, [number, number][]][])('pad %j by %j is the adjoint of slice', (shape, paddings) => {
    const x = randomTensor(rt, shape, 3);
    const p = pad(x, paddings, 0);
    const y = randomTensor(rt, p.shape, 4);
    const back = slice(
      y,
      paddings.map(([b]) => b),
      [...shape],
    );
    expect(back.shape).toEqual(shape);
    expect(Math.abs(dot(values(p), values(y)) - dot(values(x), values(back)))).toBeLessThan(1e-9);
    // And the interior of the pad is x itself.
    expect(
      values(
        back.shape.length
          ? slice(
              p,
              paddings.map(([b]) => b),
              [...shape],
            )
          : p,
      ),
    ).toEqual(values(x));
  });
});

describe('concat', () => {
  it('joins along each axis by hand', () => {
    const a = rt.tensor([
      [1, 2],
      [3, 4],
    ]);
    const b = rt.tensor([[5, 6]]);
    expect(values(concat([a, b], 0))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(values(concat([a, rt.tensor([[7], [8]])], 1))).toEqual([1, 2, 7, 3, 4, 8]);
    expect(values(concat([a, rt.tensor([], [2, 0]), a], -1))).toEqual([1, 2, 1, 2, 3, 4, 3, 4]);
    expect(values(concat([rt.tensor([1], [1], 'int32')]))).toEqual([1]);
  });

  it('is undone by slicing its parts back out', () => {
    const parts = [
      randomTensor(rt, [2, 1, 3], 5),
      randomTensor(rt, [2, 4, 3], 6),
      randomTensor(rt, [2, 2, 3], 7),
    ];
    const y = concat(parts, 1);
    expect(y.shape).toEqual([2, 7, 3]);
    let at = 0;
    for (const p of parts) {
      expect(values(slice(y, [0, at, 0], p.shape))).toEqual(values(p));
      at += p.shape[1]!;
    }
  });
});
