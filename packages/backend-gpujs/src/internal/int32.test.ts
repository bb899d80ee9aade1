import { describe, expect, it } from 'vitest';
import { runBody } from '../test-utils/run-js';
import { Emitter } from './codegen';
import * as I from './int32';

const MIN = -2147483648;
const MAX = 2147483647;
const SPECIAL = [
  0,
  1,
  -1,
  2,
  -2,
  3,
  7,
  -7,
  MIN,
  MAX,
  MIN + 1,
  MAX - 1,
  65535,
  65536,
  -65536,
  65537,
  32767,
  32768,
  -32768,
  16777216,
  16777217,
  -16777217,
  46341,
  -46341,
  123456789,
  -987654321,
];

function randoms(n: number): number[] {
  let s = 12345;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    return s;
  });
}

const VALUES = [...SPECIAL, ...randoms(60)];
const limbsOf = (v: number) => ({ hi: v >> 16, lo: v & 0xffff });

/** Evaluates a binary limb op on (a, b) through generated code, checking every intermediate is float32-exact. */
function binary(op: (e: Emitter, a: I.Limbs, b: I.Limbs) => I.Limbs, a: number, b: number): number {
  const e = new Emitter();
  const r = op(e, { hi: 'ah', lo: 'al' }, { hi: 'bh', lo: 'bl' });
  e.line(`return ${r.hi} * 65536 + ${r.lo};`);
  const [x, y] = [limbsOf(a), limbsOf(b)];
  const v = runBody(e.toString(), { ah: x.hi, al: x.lo, bh: y.hi, bl: y.lo }, 0, { exact: true });
  return v | 0;
}

function intFloorMod(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

describe('int32 limbs in float32 (generated code run in JS; every intermediate exact in float32)', () => {
  const pairs = VALUES.flatMap((a, i) =>
    VALUES.filter((_, j) => (i * 7 + j) % 5 === 0).map((b) => [a, b] as const),
  );

  it.each([
    ['add', I.add, (a: number, b: number) => (a + b) | 0],
    ['sub', I.sub, (a: number, b: number) => (a - b) | 0],
    ['mul', I.mul, Math.imul],
    ['floorMod', I.floorMod, intFloorMod],
  ] as const)('%s wraps like C over the whole int32 range', (_name, op, ref) => {
    for (const [a, b] of pairs) expect(binary(op, a, b), `${a}, ${b}`).toBe(ref(a, b) | 0);
  });

  it('neg, abs and sign', () => {
    for (const a of VALUES) {
      expect(binary((e, x) => I.neg(e, x), a, 0)).toBe(-a | 0);
      expect(binary((e, x) => I.abs(e, x), a, 0)).toBe(Math.abs(a) | 0);
      expect(binary((e, x) => I.sign(e, x), a, 0)).toBe(Math.sign(a));
    }
  });

  it('comparisons and conversion to float', () => {
    for (const [a, b] of pairs) {
      const e = new Emitter();
      const x = { hi: 'ah', lo: 'al' };
      const y = { hi: 'bh', lo: 'bl' };
      const [p, q] = [limbsOf(a), limbsOf(b)];
      const vars = { ah: p.hi, al: p.lo, bh: q.hi, bl: q.lo };
      expect(runBody(`return ${I.less(x, y)};`, vars)).toBe(a < b);
      expect(runBody(`return ${I.equal(x, y)};`, vars)).toBe(a === b);
      expect(Math.fround(runBody(`${e}return ${I.toFloat(x)};`, vars))).toBe(Math.fround(a));
    }
  });

  it('from float32: truncates toward zero, saturates, NaN → 0', () => {
    const cases: [number, number][] = [
      [1.7, 1],
      [-1.7, -1],
      [-0.5, 0],
      [Number.NaN, 0],
      [Infinity, MAX],
      [-Infinity, MIN],
      [2147483648, MAX],
      [-2147483648, MIN],
      [2147483520, 2147483520],
      [-16777217, -16777216],
    ];
    for (const [x, want] of cases) {
      const e = new Emitter();
      const r = I.fromFloat(e, 'x');
      e.line(`return ${r.hi} * 65536 + ${r.lo};`);
      expect(runBody(e.toString(), { x: Math.fround(x) }) | 0, String(x)).toBe(want);
    }
  });
});
