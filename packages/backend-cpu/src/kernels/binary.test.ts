import {
  add,
  div,
  equal,
  greater,
  greaterEqual,
  less,
  lessEqual,
  logicalAnd,
  logicalOr,
  maximum,
  minimum,
  mod,
  mul,
  notEqual,
  pow,
  type Shape,
  sub,
  type Tensor,
  where,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime, expectClose, ravel, unravel, values } from '../test-utils/helpers';

const rt = cpuRuntime();
const NaN = Number.NaN;
const i32 = (xs: number[], shape: Shape = [xs.length]) => rt.tensor(xs, shape, 'int32');
const wrap = (v: bigint) => Number(BigInt.asIntN(32, v));

/** Reads `x` (of `shape`) at the index `out` maps to under NumPy broadcasting. */
function at(x: ArrayLike<number>, shape: Shape, outIdx: number[]): number {
  const idx = shape.map((d, a) => (d === 1 ? 0 : outIdx[outIdx.length - shape.length + a]!));
  return x[ravel(idx, shape)]!;
}

describe('binary kernels broadcast like NumPy', () => {
  const ops: [string, (a: Tensor, b: Tensor) => Tensor, (a: number, b: number) => number][] = [
    ['add', add, (a, b) => a + b],
    ['sub', sub, (a, b) => a - b],
    ['mul', mul, (a, b) => a * b],
    ['div', div, (a, b) => a / b],
    ['maximum', maximum, Math.max],
    ['less', less, (a, b) => +(a < b)],
  ];
  const pairs: [Shape, Shape, Shape][] = [
    [
      [2, 1, 3],
      [4, 1],
      [2, 4, 3],
    ],
    [[3], [2, 3], [2, 3]],
    [
      [2, 3],
      [2, 1],
      [2, 3],
    ],
    [
      [1, 3, 1],
      [2, 1, 4],
      [2, 3, 4],
    ],
    [[5], [], [5]],
    [[], [5], [5]],
    [
      [2, 2],
      [2, 2],
      [2, 2],
    ],
    [[], [], []],
    // A bias over leading axes: tiled into blocks of about 2048, the last block partial.
    [[1000, 7], [7], [1000, 7]],
    [
      [1, 7],
      [3, 300, 7],
      [3, 300, 7],
    ],
    [
      [40, 3, 5],
      [1, 3, 5],
      [40, 3, 5],
    ],
  ];
  const fill = (shape: Shape, seed: number) =>
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => ((i * 7 + seed) % 11) - 5 + 0.5);
  for (const [name, op, f] of ops) {
    it.each(pairs)(`${name}: %j with %j`, (sa, sb, so) => {
      const [a, b] = [fill(sa, 1), fill(sb, 4)];
      const y = op(rt.tensor(a, sa), rt.tensor(b, sb));
      expect(y.shape).toEqual(so);
      const n = so.reduce((p, d) => p * d, 1);
      const expected = Array.from({ length: n }, (_, i) => {
        const idx = unravel(i, so);
        return Math.fround(f(at(a, sa, idx), at(b, sb, idx)));
      });
      expect(values(y)).toEqual(expected);
    });
  }

  it('handles zero-size axes', () => {
    expect(add(rt.tensor([], [0, 3]), rt.tensor([1, 2, 3])).shape).toEqual([0, 3]);
    expect(values(mul(rt.tensor([], [2, 0]), rt.tensor([1], [1, 1])))).toEqual([]);
  });
});

describe('binary kernels: semantics', () => {
  it('int32 arithmetic wraps like C', () => {
    expect(values(add(i32([2147483647]), i32([1])))).toEqual([-2147483648]);
    expect(values(sub(i32([-2147483648]), i32([1])))).toEqual([2147483647]);
    expect(values(mul(i32([65536, 123456789, -7]), i32([65536, 987654321, 6])))).toEqual([
      0,
      wrap(123456789n * 987654321n),
      -42,
    ]);
    expect(add(i32([1]), i32([1])).dtype).toBe('int32');
  });

  it('div follows IEEE', () => {
    expect(values(div(rt.tensor([1, -1, 0, 6]), rt.tensor([0, 0, 0, 4])))).toEqual([
      Infinity,
      -Infinity,
      NaN,
      1.5,
    ]);
  });

  it('mod is floor modulo with the sign of the divisor', () => {
    const a = rt.tensor([-7, 7, -7, 7, 5.5, -4, 1]);
    const b = rt.tensor([3, -3, -3, 3, 2, 2, 0]);
    expect(values(mod(a, b))).toEqual([2, -2, -1, 1, 1.5, 0, NaN]);
    expect(values(mod(i32([-7, 7, -7, 7, 5]), i32([3, -3, -3, 3, 0])))).toEqual([2, -2, -1, 1, 0]);
    expect(values(mod(i32([-2147483648]), i32([-1])))).toEqual([0]);
  });

  it('pow follows IEEE pow special cases', () => {
    const y = pow(rt.tensor([2, 1, -1, NaN, -8, 0, 4]), rt.tensor([10, NaN, Infinity, 0, 1 / 3, -1, 0.5]));
    expect(values(y)).toEqual([1024, 1, 1, 1, NaN, Infinity, 2]);
  });

  it('maximum and minimum propagate NaN', () => {
    const [a, b] = [rt.tensor([NaN, 1, 3]), rt.tensor([1, NaN, 2])];
    expect(values(maximum(a, b))).toEqual([NaN, NaN, 3]);
    expect(values(minimum(a, b))).toEqual([NaN, NaN, 2]);
    expect(values(maximum(i32([-3, 5]), i32([2, 1])))).toEqual([2, 5]);
  });

  it('comparisons give bools and treat NaN as unordered', () => {
    const [a, b] = [rt.tensor([1, 2, 3, NaN]), rt.tensor([2, 2, 2, NaN])];
    expect(less(a, b).dtype).toBe('bool');
    expect(values(less(a, b))).toEqual([1, 0, 0, 0]);
    expect(values(lessEqual(a, b))).toEqual([1, 1, 0, 0]);
    expect(values(greater(a, b))).toEqual([0, 0, 1, 0]);
    expect(values(greaterEqual(a, b))).toEqual([0, 1, 1, 0]);
    expect(values(equal(a, b))).toEqual([0, 1, 0, 0]);
    expect(values(notEqual(a, b))).toEqual([1, 0, 1, 1]);
    expect(values(equal(i32([1, 2]), i32([1, 3])))).toEqual([1, 0]);
    expect(values(equal(rt.tensor([true, false]), rt.tensor([true, true])))).toEqual([1, 0]);
  });

  it('logicalAnd and logicalOr broadcast truth tables', () => {
    const [a, b] = [rt.tensor([[true], [false]]), rt.tensor([true, false])];
    expect(values(logicalAnd(a, b))).toEqual([1, 0, 0, 0]);
    expect(values(logicalOr(a, b))).toEqual([1, 1, 1, 0]);
    expect(logicalOr(a, b).dtype).toBe('bool');
  });
});

describe('where', () => {
  it('picks per element with equal shapes', () => {
    const y = where(rt.tensor([true, false, true]), rt.tensor([1, 2, 3]), rt.tensor([-1, -2, -3]));
    expect(values(y)).toEqual([1, -2, 3]);
  });

  it('broadcasts condition and branches', () => {
    const y = where(rt.tensor([[true], [false]]), rt.tensor([1, 2, 3]), 0);
    expect(y.shape).toEqual([2, 3]);
    expect(values(y)).toEqual([1, 2, 3, 0, 0, 0]);
    const z = where(rt.tensor([true, false]), i32([7], [1, 1]), i32([-1, -2], [2, 1]));
    expect(z.shape).toEqual([2, 2]);
    expect(z.dtype).toBe('int32');
    expect(values(z)).toEqual([7, -1, 7, -2]);
  });

  it('takes NaN and Infinity through untouched', () => {
    expectClose(values(where(rt.tensor([true, false]), rt.tensor([NaN, 1]), rt.tensor([2, Infinity]))), [
      NaN,
      Infinity,
    ]);
  });
});
