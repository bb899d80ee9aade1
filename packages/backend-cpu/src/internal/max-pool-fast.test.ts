import {
  createRuntime,
  maxPool,
  maxPoolBackward,
  type Pool2DAttrs,
  type Runtime,
  type Shape,
  type TypedArray,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../cpu-backend-plugin';
import { seeded } from '../test-utils/helpers';
import { beats } from './math';

// The 'reference' kernel set shares these kernels, so they are checked against plain loops here
// on the inputs the branch-free selection could get wrong: NaN (of either sign) inside a
// window, ±0 and other ties, int32 extremes, odd channel counts, overlapping and padded windows.

type Case = [
  shape: Shape,
  window: [number, number],
  strides: [number, number],
  pads: [number, number, number, number],
];
const cases: Case[] = [
  [
    [2, 6, 6, 3],
    [2, 2],
    [2, 2],
    [0, 0, 0, 0],
  ],
  [
    [1, 5, 7, 5],
    [2, 2],
    [1, 1],
    [0, 0, 0, 0],
  ], // overlapping
  [
    [2, 5, 5, 2],
    [3, 3],
    [1, 1],
    [1, 1, 1, 1],
  ], // 'same': 4, 6 and 9 taps
  [
    [1, 5, 6, 4],
    [2, 2],
    [1, 1],
    [0, 1, 0, 1],
  ], // 'same': 4, 2 and 1 taps
  [
    [2, 7, 5, 1],
    [3, 2],
    [2, 1],
    [1, 2, 0, 1],
  ],
  [
    [1, 4, 9, 7],
    [1, 4],
    [1, 3],
    [0, 0, 2, 1],
  ],
  [
    [1, 3, 3, 2],
    [1, 1],
    [1, 1],
    [0, 0, 0, 0],
  ],
  [
    [1, 7, 7, 3],
    [3, 3],
    [2, 2],
    [0, 0, 0, 0],
  ],
  [
    [1, 6, 6, 16],
    [2, 2],
    [2, 2],
    [1, 1, 1, 1],
  ],
  [
    [1, 4, 4, 2],
    [2, 3],
    [1, 2],
    [1, 0, 2, 1],
  ],
];

const attrsOf = ([, window, strides, pads]: Case): Pool2DAttrs => ({
  windowSize: window,
  strides,
  pads,
  dilations: [1, 1],
  countIncludePad: false,
});

/** Float32 bits of a NaN with the sign bit set, as x86 arithmetic makes them. */
const negNaN = new Float32Array(new Uint32Array([0xffc00000]).buffer)[0]!;
const floats = [-Infinity, Infinity, -0, 0, 0, 1, 1, -1, 2.5, -2.5];
const ints = [-2147483648, 2147483647, 0, -1, 1, 7, 7];

/** Mostly ties drawn from `pool`, NaN (half with the sign bit) at about `nanRate`. */
function draw(n: number, pool: number[], seed: number, nanRate: number): number[] {
  const next = seeded(seed);
  return Array.from({ length: n }, () => {
    const r = (next() + 1) / 2;
    if (r < nanRate) return r < nanRate / 2 ? Number.NaN : negNaN;
    return pool[Math.floor(((next() + 1) / 2) * pool.length)]!;
  });
}

/** Row-major taps of output element (n, oy, ox, c), padding left out, as flat input indices. */
function windowOf(x: Shape, attrs: Pool2DAttrs, n: number, oy: number, ox: number, c: number): number[] {
  const [, h, w, ch] = x as [number, number, number, number];
  const cells: number[] = [];
  for (let fy = 0; fy < attrs.windowSize[0]; fy++)
    for (let fx = 0; fx < attrs.windowSize[1]; fx++) {
      const [iy, ix] = [
        oy * attrs.strides[0] - attrs.pads[0] + fy,
        ox * attrs.strides[1] - attrs.pads[2] + fx,
      ];
      if (iy >= 0 && iy < h && ix >= 0 && ix < w) cells.push(((n * h + iy) * w + ix) * ch + c);
    }
  return cells;
}

/** The first maximal input of each output element, NaN counting as maximal; -1 for none. */
function expectedArgmax(xv: TypedArray, x: Shape, y: Shape, attrs: Pool2DAttrs): number[] {
  const [b, oh, ow, ch] = y as [number, number, number, number];
  const arg: number[] = [];
  for (let n = 0; n < b; n++)
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++)
        for (let c = 0; c < ch; c++) {
          let best = -1;
          for (const i of windowOf(x, attrs, n, oy, ox, c))
            if (best < 0 || beats(xv[i]!, xv[best]!)) best = i;
          arg.push(best);
        }
  return arg;
}

/** Elementwise the same value, -0 and NaN included. */
function expectSame(actual: TypedArray, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    if (!Object.is(actual[i], expected[i])) expect(actual[i], `element ${i}`).toBe(expected[i]);
}

function checkForward(rt: Runtime, c: Case, data: number[], dtype: 'float32' | 'int32'): void {
  const x = rt.tensor(dtype === 'int32' ? Int32Array.from(data) : Float32Array.from(data), c[0], dtype);
  const [, window, strides, pads] = c;
  const y = maxPool(x, { windowSize: window, strides, padding: pads });
  const xv = x.dataSync();
  expectSame(
    y.dataSync(),
    expectedArgmax(xv, x.shape, y.shape, attrsOf(c)).map((i) => xv[i]!),
  );
}

function checkBackward(rt: Runtime, c: Case, data: number[], seed: number): void {
  const x = rt.tensor(Float32Array.from(data), c[0]);
  const attrs = attrsOf(c);
  const y = maxPool(x, { windowSize: attrs.windowSize, strides: attrs.strides, padding: attrs.pads });
  const dy = rt.tensor(Float32Array.from({ length: y.size }, seeded(seed)), y.shape);
  const [xv, gv] = [x.dataSync(), dy.dataSync()];
  // Summed in output order in the backend's own precision, so even overlapping sums are exact.
  const dx = new (xv.constructor as new (n: number) => TypedArray)(xv.length);
  expectedArgmax(xv, x.shape, y.shape, attrs).forEach((i, p) => {
    if (i >= 0) dx[i]! += gv[p]!;
  });
  expectSame(maxPoolBackward(dy, x, attrs).dataSync(), dx);
}

describe.each(['float32', 'float64'] as const)('maxPool fast path (%s)', (precision) => {
  const rt = createRuntime({ plugins: [cpuBackend({ precision })] });
  const sizeOf = (s: Shape) => s.reduce((a, b) => a * b, 1);

  it('keeps the first of tied ±0, propagates NaN of either sign, sends dy to the first NaN', () => {
    const attrs = attrsOf([
      [1, 2, 2, 1],
      [2, 2],
      [2, 2],
      [0, 0, 0, 0],
    ]);
    const pool = (v: number[]) => maxPool(rt.tensor(v, [1, 2, 2, 1]), { windowSize: 2 }).dataSync()[0];
    expect(Object.is(pool([-0, 0, 0, -0]), -0)).toBe(true);
    expect(Object.is(pool([-1, 0, -0, 0]), 0)).toBe(true);
    expect(pool([1, negNaN, 3, Number.NaN])).toBeNaN();
    expect(pool([-Infinity, -Infinity, -Infinity, -Infinity])).toBe(-Infinity);
    const grad = (v: number[]) =>
      Array.from(maxPoolBackward(rt.tensor([5], [1, 1, 1, 1]), rt.tensor(v, [1, 2, 2, 1]), attrs).dataSync());
    expect(grad([1, negNaN, 3, Number.NaN])).toEqual([0, 5, 0, 0]);
    expect(grad([1, 3, Number.NaN, negNaN])).toEqual([0, 0, 5, 0]);
    expect(grad([-0, 0, 0, -0])).toEqual([5, 0, 0, 0]);
  });

  it.each(cases)('matches plain loops on ties and NaN: %j %j %j %j', (...c) => {
    const n = sizeOf(c[0]);
    checkForward(rt, c, draw(n, floats, 1, 0.04), 'float32');
    checkForward(rt, c, draw(n, floats, 2, 0), 'float32');
    checkForward(rt, c, draw(n, ints, 3, 0), 'int32');
    checkBackward(rt, c, draw(n, floats, 4, 0.04), 5);
    checkBackward(rt, c, draw(n, floats, 6, 0), 7);
  });
});
