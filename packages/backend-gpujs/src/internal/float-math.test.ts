import { describe, expect, it } from 'vitest';
import { runBody } from '../test-utils/run-js';
import { Emitter } from './codegen';
import * as F from './float-math';

/** Runs a float-math emitter on x (and y) in JS: checks the special-case logic, not float32 accuracy. */
function run(fn: (e: Emitter, ...xs: string[]) => string, ...args: number[]): number {
  const e = new Emitter();
  const r = fn(e, ...args.map((_, i) => `a${i}`));
  e.line(`return ${r};`);
  return runBody(e.toString(), Object.fromEntries(args.map((v, i) => [`a${i}`, v])));
}

const NaN = Number.NaN;
const Inf = Infinity;

describe('IEEE special cases around shader built-ins', () => {
  it('pow follows C99 Annex F', () => {
    const cases: [number, number, number][] = [
      [2, 3, 8],
      [-2, 2, 4],
      [-2, 3, -8],
      [-2, 0.5, NaN],
      [0, 0, 1],
      [NaN, 0, 1],
      [1, NaN, 1],
      [NaN, 1, NaN],
      [4, 0.5, 2],
      [2, -1, 0.5],
      [0, -1, Inf],
      [-0, -1, -Inf],
      [-0, 3, -0],
      [0.5, Inf, 0],
      [2, -Inf, 0],
      [-1, Inf, 1],
      [-Inf, 3, -Inf],
      [-Inf, -3, -0],
      [Inf, 0.5, Inf],
      [1.5, 2, 2.25],
      [3, 40, 3 ** 40],
    ];
    for (const [a, b, want] of cases) expect(run(F.pow, a, b), `${a} ** ${b}`).toBe(want);
  });

  it('log, log1p, exp, expm1, tanh, sign, round at special values', () => {
    expect([0, -0, -1, Inf, NaN, 1].map((x) => run(F.log, x))).toEqual([-Inf, -Inf, NaN, Inf, NaN, 0]);
    expect([-1, -2, Inf, NaN, 0].map((x) => run(F.log1p, x))).toEqual([-Inf, NaN, Inf, NaN, 0]);
    expect(run(F.log1p, 1e-10)).toBeCloseTo(1e-10, 20);
    expect(run(F.expm1, 1e-10)).toBeCloseTo(1e-10, 20);
    expect([NaN, -Inf].map((x) => run(F.exp, x))).toEqual([NaN, 0]);
    expect([Inf, -Inf, NaN, 0, 20].map((x) => run(F.tanh, x))).toEqual([1, -1, NaN, 0, 1]);
    expect(run(F.tanh, 0.3)).toBeCloseTo(Math.tanh(0.3), 15);
    expect([NaN, -0, 3, -2].map((x) => run(F.sign, x))).toEqual([NaN, 0, 1, -1]);
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 0.49999997, Inf, NaN].map((x) => run(F.round, x))).toEqual([
      0,
      2,
      2,
      -0,
      -2,
      0,
      Inf,
      NaN,
    ]);
    // A zero result keeps the sign of x (IEEE roundTiesToEven), as on the CPU.
    for (const x of [-0.3, -0.5, -(2 ** -126), -0])
      expect(Object.is(run(F.round, x), -0), `round(${x})`).toBe(true);
    for (const x of [0.3, 0.5, 0]) expect(Object.is(run(F.round, x), 0), `round(${x})`).toBe(true);
  });

  it('maximum / minimum propagate NaN; floor mod takes the divisor’s sign', () => {
    expect(run(F.maximum, NaN, 1)).toBeNaN();
    expect(run(F.minimum, 1, NaN)).toBeNaN();
    expect(run(F.maximum, -0.5, -1)).toBe(-0.5);
    const mods: [number, number, number][] = [
      [5, 3, 2],
      [-5, 3, 1],
      [5, -3, -1],
      [-5, -3, -2],
      [5.5, 2, 1.5],
      [6, 3, 0],
      [5, Inf, 5],
      [-5, Inf, Inf],
      // 0 < |a| < |b|: a, or a + b rounded once (Python: 1e-20 % -1 == -1.0), not 0.
      [1e-20, -1, -1],
      [-1e-20, 1, 1],
      [0.25, -1, -0.75],
      [2 ** -126, -0.0000010000100019169622, -0.0000010000100019169622],
    ];
    for (const [a, b, want] of mods) expect(run(F.floorMod, a, b), `${a} mod ${b}`).toBe(want);
    expect(run(F.floorMod, 1, 0)).toBeNaN();
  });

  it('sin, cos and erf (argument reduction and Cody approximations)', () => {
    for (const x of [0, 0.3, -1, Math.PI / 2, 10, -123.4, 1000]) {
      expect(run((e, v) => F.sinCos(e, v!, 'sin'), x)).toBeCloseTo(Math.sin(x), 6);
      expect(run((e, v) => F.sinCos(e, v!, 'cos'), x)).toBeCloseTo(Math.cos(x), 6);
    }
    expect(run((e, v) => F.sinCos(e, v!, 'sin'), Inf)).toBeNaN();
    for (const [x, want] of [
      [0, 0],
      [0.3, 0.3286267594591112],
      [-1, -0.8427007929497149],
      [2.5, 0.999593047982555],
      [5, 0.9999999999984626],
      [Inf, 1],
      [-Inf, -1],
    ]) {
      expect(run(F.erf, x!)).toBeCloseTo(want!, 12);
    }
    expect(run(F.erf, NaN)).toBeNaN();
  });
});
