import type { Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { checkAgainst, type Expected, flushCase, flushSubnormal, MIN_NORMAL } from './property';

const SUB = 2 ** -140; // a float32 subnormal
const out = (data: number[]) => ({ dtype: 'float32', shape: [data.length] }) as unknown as Tensor;
const want = (data: number[], extra: Partial<Expected> = {}): Expected => ({
  dtype: 'float32',
  shape: [data.length],
  data,
  ...extra,
});
const exact = { rtol: 0, atol: 0 };

describe('flush-to-zero relaxation of the property suite', () => {
  it('flushSubnormal turns float32 subnormals into zeros of their sign and keeps the rest', () => {
    expect(Object.is(flushSubnormal(SUB), 0)).toBe(true);
    expect(Object.is(flushSubnormal(-SUB), -0)).toBe(true);
    expect(Object.is(flushSubnormal(-(2 ** -149)), -0)).toBe(true);
    // Below float32's range: rounds to zero in float32, so it is one too.
    expect(Object.is(flushSubnormal(1e-50), 0)).toBe(true);
    for (const v of [MIN_NORMAL, -MIN_NORMAL, 1, -3, 0, 2 ** 31, Infinity, -Infinity]) {
      expect(Object.is(flushSubnormal(v), v), String(v)).toBe(true);
    }
    expect(flushSubnormal(Number.NaN)).toBeNaN();
  });

  it('flushCase flushes every number of a case, nested, and leaves the original alone', () => {
    const c = { x: { dtype: 'float32', shape: [2], data: [SUB, 1.5] }, lo: -SUB, axes: [0, 1], keep: true };
    const f = flushCase(c);
    expect(f).toEqual({
      x: { dtype: 'float32', shape: [2], data: [0, 1.5] },
      lo: -0,
      axes: [0, 1],
      keep: true,
    });
    expect(Object.is(f.lo, -0)).toBe(true);
    expect(c.x.data[0]).toBe(SUB);
  });

  it('checkAgainst reads subnormals on both sides as zeros only with flush', () => {
    expect(() => checkAgainst(out([0]), [0], want([SUB]), exact, false)).toThrow(/expected/);
    expect(() => checkAgainst(out([0]), [0], want([SUB]), exact, false, true)).not.toThrow();
    expect(() => checkAgainst(out([0]), [SUB], want([0]), exact, false, true)).not.toThrow();
    // The sign of a flushed zero still counts where signed zeros are compared.
    expect(() => checkAgainst(out([0]), [0], want([-SUB]), exact, true, true)).toThrow(/sign of zero/);
    expect(() => checkAgainst(out([0]), [-0], want([-SUB]), exact, true, true)).not.toThrow();
  });

  it('flush does not excuse zeros where the answer is a normal float, however small', () => {
    for (const v of [MIN_NORMAL, 1e-30, -2e-38, 1]) {
      expect(() => checkAgainst(out([0]), [0], want([v]), exact, false, true), String(v)).toThrow(/expected/);
    }
  });

  it('each possible underflow allows 2^-150 (gradual underflow), or 2^-126 when flushing', () => {
    const e = want([3 * MIN_NORMAL], { underflows: [2] });
    const got = [MIN_NORMAL]; // off by 2·2^-126
    expect(() => checkAgainst(out([0]), got, e, exact, false)).toThrow(/tolerance/);
    expect(() => checkAgainst(out([0]), got, e, exact, false, true)).not.toThrow();
    expect(() => checkAgainst(out([0]), [0], e, exact, false, true)).toThrow(/tolerance/); // off by 3
    expect(() =>
      checkAgainst(out([0]), [2 * 2 ** -150], want([0], { underflows: [2] }), exact, false),
    ).not.toThrow();
  });
});
