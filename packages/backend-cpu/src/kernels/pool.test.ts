import { avgPool, avgPoolBackward, maxPool, maxPoolBackward, type Pool2DAttrs } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime, dot, expectClose, randomTensor, values } from '../test-utils/helpers';

const rt = cpuRuntime();
const NaN = Number.NaN;

const attrsOf = (
  windowSize: [number, number],
  strides: [number, number],
  pads: [number, number, number, number],
  countIncludePad = false,
): Pool2DAttrs => ({ windowSize, strides, pads, dilations: [1, 1], countIncludePad });

describe('maxPool', () => {
  it('takes the max of each 2×2 window', () => {
    const x = rt.tensor(
      Array.from({ length: 16 }, (_, i) => i + 1),
      [1, 4, 4, 1],
    );
    expect(values(maxPool(x, { windowSize: 2 }))).toEqual([6, 8, 14, 16]);
  });

  it('never lets padding win, even over negative values', () => {
    const x = rt.tensor([-1, -2, -3, -4, -5, -6, -7, -8, -9], [1, 3, 3, 1]);
    // 'same' with stride 1 pads one row and column after: each window's top-left is its max.
    expect(values(maxPool(x, { windowSize: 2, strides: 1, padding: 'same' }))).toEqual([
      -1, -2, -3, -4, -5, -6, -7, -8, -9,
    ]);
  });

  it('propagates NaN and works on int32 per channel', () => {
    const x = rt.tensor([1, NaN, 3, 4], [1, 2, 2, 1]);
    expect(values(maxPool(x, { windowSize: 2 }))).toEqual([NaN]);
    const xi = rt.tensor([1, -10, 7, -20, 3, -5, 2, -1], [1, 2, 2, 2], 'int32');
    const y = maxPool(xi, { windowSize: 2 });
    expect(y.dtype).toBe('int32');
    expect(values(y)).toEqual([7, -1]);
  });
});

describe('maxPoolBackward', () => {
  it('sends each window gradient to its first maximal cell', () => {
    const x = rt.tensor([5, 5, 5, 5], [1, 2, 2, 1]);
    expect(
      values(maxPoolBackward(rt.tensor([3], [1, 1, 1, 1]), x, attrsOf([2, 2], [2, 2], [0, 0, 0, 0]))),
    ).toEqual([3, 0, 0, 0]);
    const tie = rt.tensor([0, 1, 0, 1], [1, 2, 2, 1]);
    expect(
      values(maxPoolBackward(rt.tensor([3], [1, 1, 1, 1]), tie, attrsOf([2, 2], [2, 2], [0, 0, 0, 0]))),
    ).toEqual([0, 3, 0, 0]);
  });

  it('accumulates overlapping windows that share a max', () => {
    const x = rt.tensor([1, 2, 3, 4, 9, 6, 7, 8, 5], [1, 3, 3, 1]);
    const dy = rt.tensor([1, 10, 100, 1000], [1, 2, 2, 1]);
    expect(values(maxPoolBackward(dy, x, attrsOf([2, 2], [1, 1], [0, 0, 0, 0])))).toEqual([
      0, 0, 0, 0, 1111, 0, 0, 0, 0,
    ]);
  });

  it('ignores padding and sends a NaN window to its NaN', () => {
    const x = rt.tensor([-3, NaN, -1, -2], [1, 2, 2, 1]);
    const y = maxPoolBackward(
      rt.tensor([1, 2, 3, 4], [1, 2, 2, 1]),
      x,
      attrsOf([2, 2], [1, 1], [0, 1, 0, 1]),
    );
    // windows: (0,0) all four → NaN at 1; (0,1) {NaN, -2} → 1; (1,0) {-1, -2} → -1 at 2; (1,1) {-2} → 3.
    expect(values(y)).toEqual([0, 3, 3, 4]);
  });

  it('matches a brute-force reference on random input with strides and padding', () => {
    const x = randomTensor(rt, [2, 7, 6, 3], 5);
    const attrs = attrsOf([3, 2], [2, 1], [1, 2, 0, 1]);
    const y = maxPool(x, { windowSize: [3, 2], strides: [2, 1], padding: [1, 2, 0, 1] });
    const dy = randomTensor(rt, y.shape, 6);
    const xv = values(x);
    const dyv = values(dy);
    const [, oh, ow] = y.shape as [number, number, number];
    const expected = new Float64Array(xv.length);
    const yv: number[] = [];
    for (let b = 0; b < 2; b++)
      for (let oy = 0; oy < oh; oy++)
        for (let ox = 0; ox < ow; ox++)
          for (let c = 0; c < 3; c++) {
            // Collect the window's real cells, then find the max and its first position.
            const cells: number[] = [];
            for (let i = 0; i < 3; i++)
              for (let j = 0; j < 2; j++) {
                const [r, q] = [oy * 2 - 1 + i, ox - 0 + j];
                if (r >= 0 && r < 7 && q >= 0 && q < 6) cells.push(((b * 7 + r) * 6 + q) * 3 + c);
              }
            const m = Math.max(...cells.map((k) => xv[k]!));
            yv.push(m);
            expected[cells.find((k) => xv[k] === m)!]! += dyv[((b * oh + oy) * ow + ox) * 3 + c]!;
          }
    expect(values(y)).toEqual(yv);
    expectClose(values(maxPoolBackward(dy, x, attrs)), Array.from(expected), 1e-6);
  });
});

describe('avgPool', () => {
  const x = rt.tensor([1, 2, 3, 4], [1, 2, 2, 1]);
  it('divides by the unpadded cells by default, by the window with countIncludePad', () => {
    const opts = { windowSize: 2, strides: 1, padding: 'same' } as const;
    expect(values(avgPool(x, opts))).toEqual([2.5, 3, 3.5, 4]);
    expect(values(avgPool(x, { ...opts, countIncludePad: true }))).toEqual([2.5, 1.5, 1.75, 1]);
  });

  it('backward spreads each window gradient evenly over its cells', () => {
    const dy = rt.tensor([4, 4, 4, 4], [1, 2, 2, 1]);
    const base = { ...attrsOf([2, 2], [1, 1], [0, 1, 0, 1]), inputShape: [1, 2, 2, 1] };
    // Cell (0,0) is in one window of 4 cells; (0,1) in two (4 and 2 cells); (1,1) in all four.
    expect(values(avgPoolBackward(dy, base))).toEqual([1, 3, 3, 1 + 2 + 2 + 4]);
    expect(values(avgPoolBackward(dy, { ...base, countIncludePad: true }))).toEqual([1, 2, 2, 4]);
  });

  const cases: [
    [number, number, number, number],
    [number, number],
    [number, number],
    [number, number, number, number],
  ][] = [
    [
      [2, 5, 5, 3],
      [2, 2],
      [2, 2],
      [0, 1, 0, 1],
    ],
    [
      [1, 7, 6, 2],
      [3, 2],
      [2, 1],
      [1, 2, 1, 0],
    ],
    [
      [2, 6, 9, 1],
      [3, 3],
      [3, 4],
      [2, 1, 0, 2],
    ],
  ];
  for (const countIncludePad of [false, true]) {
    // avgPool is linear, so <avgPool(x), dy> = <x, avgPoolBackward(dy)>.
    it.each(cases)(
      `backward is the adjoint of avgPool (countIncludePad ${countIncludePad}): %j`,
      (shape, w, s, p) => {
        const x = randomTensor(rt, shape, 31);
        const y = avgPool(x, { windowSize: w, strides: s, padding: p, countIncludePad });
        const dy = randomTensor(rt, y.shape, 32);
        const dx = avgPoolBackward(dy, { ...attrsOf(w, s, p, countIncludePad), inputShape: shape });
        const lhs = dot(values(y), values(dy));
        expect(Math.abs(dot(values(x), values(dx)) - lhs)).toBeLessThan(1e-5 * Math.max(1, Math.abs(lhs)));
      },
    );
  }
});
