import { matmul, type Shape } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime, expectClose, randomTensor, ravel, unravel, values } from '../test-utils/helpers';

const rt = cpuRuntime();

/**
 * The textbook product, in float64, of operands read with explicit index arithmetic:
 * element (i, p) of A is stored at [.., p, i] when `ta`, and likewise for B.
 */
function reference(
  a: number[],
  sa: Shape,
  b: number[],
  sb: Shape,
  ta: boolean,
  tb: boolean,
  so: Shape,
): number[] {
  const k = ta ? sa[sa.length - 2]! : sa[sa.length - 1]!;
  const out: number[] = [];
  const batchOf = (shape: Shape, idx: number[]) => {
    const bs = shape.slice(0, -2);
    return bs.map((d, i) => (d === 1 ? 0 : idx[idx.length - bs.length + i]!));
  };
  const total = so.reduce((x, y) => x * y, 1);
  for (let flat = 0; flat < total; flat++) {
    const idx = unravel(flat, so);
    const [i, j] = idx.slice(-2) as [number, number];
    const batch = idx.slice(0, -2);
    let s = 0;
    for (let p = 0; p < k; p++) {
      const ai = ravel([...batchOf(sa, batch), ...(ta ? [p, i] : [i, p])], sa);
      const bi = ravel([...batchOf(sb, batch), ...(tb ? [j, p] : [p, j])], sb);
      s += a[ai]! * b[bi]!;
    }
    out.push(s);
  }
  return out;
}

describe('matmul', () => {
  it('multiplies a hand-checked 2×3 by 3×2', () => {
    const a = rt.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = rt.tensor([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expect(values(matmul(a, b))).toEqual([58, 64, 139, 154]);
    expect(values(matmul(a, a, { transposeB: true }))).toEqual([14, 32, 32, 77]);
    expect(values(matmul(a, a, { transposeA: true }))).toEqual([17, 22, 27, 22, 29, 36, 27, 36, 45]);
  });

  const cases: [Shape, Shape, boolean, boolean, Shape][] = [
    [[5, 4], [4, 3], false, false, [5, 3]],
    [[4, 5], [4, 3], true, false, [5, 3]],
    [[5, 4], [3, 4], false, true, [5, 3]],
    [[4, 5], [3, 4], true, true, [5, 3]],
    [[2, 1, 5, 4], [3, 4, 6], false, false, [2, 3, 5, 6]],
    [[2, 1, 4, 5], [3, 6, 4], true, true, [2, 3, 5, 6]],
    [[3, 4, 5], [1, 4, 2], true, false, [3, 5, 2]],
    [[7, 1], [1, 6], false, false, [7, 6]],
    [[1, 7], [6, 1], true, true, [7, 6]],
  ];
  it.each(cases)('%j × %j (transposeA %s, transposeB %s) with broadcast batches', (sa, sb, ta, tb, so) => {
    const a = randomTensor(rt, sa, 1);
    const b = randomTensor(rt, sb, 2);
    const y = matmul(a, b, { transposeA: ta, transposeB: tb });
    expect(y.shape).toEqual(so);
    expectClose(values(y), reference(values(a), sa, values(b), sb, ta, tb, so), 1e-5);
  });

  it('gives zeros for an empty inner dimension and nothing for an empty batch', () => {
    expect(values(matmul(rt.tensor([], [2, 0]), rt.tensor([], [0, 3])))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(matmul(rt.tensor([], [0, 2, 2]), rt.tensor([1, 0, 0, 1], [2, 2])).shape).toEqual([0, 2, 2]);
  });

  it('multiplies int32 with C wrapping, transposed or not', () => {
    const a = rt.tensor([65536, 3, -2, 1], [2, 2], 'int32');
    const b = rt.tensor([65536, 1, 2, 5], [2, 2], 'int32');
    // [65536·65536 + 3·2, 65536 + 15] wraps the first entry to 6.
    const y = matmul(a, b);
    expect(y.dtype).toBe('int32');
    expect(values(y)).toEqual([6, 65551, -131070, 3]);
    expect(values(matmul(a, b, { transposeB: true }))).toEqual([
      (65536 * 65536 + 3) | 0,
      65536 * 2 + 15,
      -131071,
      1,
    ]);
  });

  it('propagates NaN and Infinity like the sum of products', () => {
    const y = matmul(rt.tensor([[Number.NaN, 0]]), rt.tensor([[0], [1]]));
    expect(values(y)).toEqual([Number.NaN]);
  });
});
