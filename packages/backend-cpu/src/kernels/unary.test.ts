import {
  abs,
  ceil,
  cos,
  erf,
  exp,
  expm1,
  floor,
  isFinite,
  isNaN,
  log,
  log1p,
  logicalNot,
  neg,
  round,
  rsqrt,
  sign,
  sin,
  sqrt,
  type Tensor,
  tanh,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { erf64 } from '../internal/erf';
import { cpuRuntime, expectClose, values } from '../test-utils/helpers';

const rt = cpuRuntime();
const f32 = (xs: number[]) => rt.tensor(xs);
const i32 = (xs: number[]) => rt.tensor(xs, [xs.length], 'int32');
const { E, PI } = Math;

describe('unary kernels: closed forms and IEEE special values', () => {
  const cases: [string, (x: Tensor) => Tensor, number[], number[]][] = [
    ['neg', neg, [1.5, -2, Infinity, Number.NaN], [-1.5, 2, -Infinity, Number.NaN]],
    ['abs', abs, [-2.5, 3, -Infinity], [2.5, 3, Infinity]],
    ['sign', sign, [-3, 0, 2, Number.NaN, -Infinity], [-1, 0, 1, Number.NaN, -1]],
    ['exp', exp, [0, 1, -Infinity, 100], [1, E, 0, Infinity]],
    ['log', log, [1, E, 0, -1], [0, 1, -Infinity, Number.NaN]],
    // A naive log(1 + x) would give 0 for x = 1e-10 in float32.
    ['log1p', log1p, [0, 1e-10, E - 1, -1], [0, 1e-10, 1, -Infinity]],
    ['expm1', expm1, [0, 1e-10, 1], [0, 1e-10, E - 1]],
    ['sqrt', sqrt, [4, 2, 0, -1], [2, Math.SQRT2, 0, Number.NaN]],
    ['rsqrt', rsqrt, [4, 0.25, 0, -1], [0.5, 2, Infinity, Number.NaN]],
    ['sin', sin, [0, PI / 2, PI / 6], [0, 1, 0.5]],
    ['cos', cos, [0, PI, PI / 3], [1, -1, 0.5]],
    ['tanh', tanh, [0, Infinity, -Infinity, Math.log(3) / 2], [0, 1, -1, 0.5]],
    ['floor', floor, [-1.5, 1.5, -0.2, 3], [-2, 1, -1, 3]],
    ['ceil', ceil, [-1.5, 1.5, 0.2, 3], [-1, 2, 1, 3]],
    ['round', round, [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6], [0, 2, 2, 0, -2, -2, 2, 3, -3]],
    ['erf', erf, [0, Infinity, -Infinity, Number.NaN, 10, -10], [0, 1, -1, Number.NaN, 1, -1]],
  ];
  it.each(cases)('%s', (_, op, input, expected) => {
    expectClose(values(op(f32(input))), expected, 1e-6);
  });

  it('round keeps the sign of zero like NumPy (round(-0.5) = -0)', () => {
    expect(Object.is(values(round(f32([-0.5])))[0], -0)).toBe(true);
  });

  it('isNaN, isFinite and logicalNot give bools', () => {
    const x = f32([Number.NaN, Infinity, -Infinity, 0, -3]);
    expect(isNaN(x).dtype).toBe('bool');
    expect(values(isNaN(x))).toEqual([1, 0, 0, 0, 0]);
    expect(values(isFinite(x))).toEqual([0, 0, 0, 1, 1]);
    expect(values(logicalNot(rt.tensor([true, false])))).toEqual([0, 1]);
  });

  it('int32 neg, abs and sign wrap like C', () => {
    expect(values(neg(i32([-2147483648, 5, 0])))).toEqual([-2147483648, -5, 0]);
    expect(values(abs(i32([-2147483648, -7, 7])))).toEqual([-2147483648, 7, 7]);
    expect(values(sign(i32([-5, 0, 9])))).toEqual([-1, 0, 1]);
    expect(neg(i32([1])).dtype).toBe('int32');
  });

  it('handle scalars and zero-size tensors', () => {
    expect(values(exp(rt.scalar(0)))).toEqual([1]);
    expect(exp(rt.scalar(0)).shape).toEqual([]);
    const empty = exp(rt.tensor([], [0, 3]));
    expect(empty.shape).toEqual([0, 3]);
    expect(values(empty)).toEqual([]);
  });
});

/** erf by its everywhere-convergent series of positive terms (no cancellation), in float64. */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(PI)) * Math.exp(-x * x) * sum;
}

describe('erf', () => {
  // Abramowitz & Stegun Table 7.1 gives these to 10 digits; the further digits are glibc's erf.
  it('matches reference values', () => {
    const table: [number, number][] = [
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [1.5, 0.9661051464753108],
      [2, 0.9953222650189527],
    ];
    for (const [x, e] of table) {
      expect(Math.abs(erf64(x) - e)).toBeLessThan(1e-15);
      expect(Math.abs(erf64(-x) + e)).toBeLessThan(1e-15);
    }
  });

  it('is accurate to 1e-13 relative in float64 against an independent series on [-6, 6]', () => {
    for (let i = -600; i <= 600; i++) {
      const x = i / 100 + 0.003;
      const e = erfSeries(x);
      expect(Math.abs(erf64(x) - e) / Math.abs(e), `x = ${x}`).toBeLessThan(1e-13);
    }
  });

  it('is exact to float32 rounding in the kernel, tiny arguments included', () => {
    const xs = [1e-30, -3e-8, 0.001, 0.46875, 0.47, 1.2345, 3.99, 4.01, 5.5];
    const got = values(erf(f32(xs)));
    xs.forEach((x, i) => {
      expect(got[i]).toBe(Math.fround(erfSeries(Math.fround(x))));
    });
  });
});
