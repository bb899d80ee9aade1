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
import { maxPoolBackwardInto, maxPoolInto } from './max-pool-fast';
import { wasmMaxPool, wasmMaxPoolBackward } from './wasm/wasm-pool';

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

// Float32 inputs past WASM_MIN_WORK elements with channels a multiple of 4 run on wasm/pool.c
// (four channels per vector), which must give the JS kernel's results bit for bit: the same
// first max (NaN of either sign mid-window, ±0 ties, infinities) and the same dx sums.
const bigCases: Case[] = [
  [
    [4, 24, 24, 8],
    [2, 2],
    [2, 2],
    [0, 0, 0, 0],
  ], // the MNIST CNN's first pool
  [
    [16, 8, 8, 16],
    [2, 2],
    [2, 2],
    [0, 0, 0, 0],
  ],
  [
    [2, 24, 24, 8],
    [3, 3],
    [1, 1],
    [1, 1, 1, 1],
  ], // 'same', overlapping: 4, 6 and 9 taps
  [
    [2, 23, 23, 12],
    [3, 3],
    [2, 2],
    [1, 1, 1, 1],
  ], // 'same', stride 2
  [
    [5, 25, 24, 4],
    [3, 2],
    [2, 1],
    [1, 2, 0, 1],
  ],
  [
    [4, 17, 16, 8],
    [2, 2],
    [1, 1],
    [0, 1, 0, 1],
  ],
  [
    [2, 24, 24, 8],
    [3, 3],
    [3, 3],
    [0, 0, 0, 0],
  ], // 9 taps, not overlapping
  [
    [4, 16, 24, 8],
    [2, 2],
    [2, 1],
    [0, 0, 0, 0],
  ], // overlapping across columns only
  [
    [4, 24, 16, 8],
    [3, 2],
    [1, 2],
    [1, 1, 0, 0],
  ], // across rows only
  [
    [3, 24, 24, 6],
    [3, 3],
    [2, 2],
    [1, 1, 1, 1],
  ], // channels not a multiple of 4: the JS kernel
];

describe('maxPool on the WASM module (float32)', () => {
  const wasm = createRuntime({ plugins: [cpuBackend()] });
  const js = createRuntime({ plugins: [cpuBackend({ kernels: 'js' })] });
  const sizeOf = (s: Shape) => s.reduce((a, b) => a * b, 1);

  /** maxPool and its gradient of `data` on `rt`. */
  const pool = (rt: Runtime, c: Case, data: number[], seed: number) => {
    const x = rt.tensor(Float32Array.from(data), c[0]);
    const attrs = attrsOf(c);
    const y = maxPool(x, { windowSize: attrs.windowSize, strides: attrs.strides, padding: attrs.pads });
    const dy = rt.tensor(Float32Array.from({ length: y.size }, seeded(seed)), y.shape);
    return [y.dataSync(), maxPoolBackward(dy, x, attrs).dataSync()] as const;
  };
  const both = (c: Case, data: number[], seed: number) =>
    [pool(wasm, c, data, seed), pool(js, c, data, seed)] as const;

  it.each(bigCases)('matches the JS kernel bit for bit: %j %j %j %j', (...c) => {
    const n = sizeOf(c[0]);
    expect(n).toBeGreaterThan(8192);
    for (const [seed, nanRate] of [
      [11, 0.04],
      [12, 0],
      [13, 0.5],
    ] as const) {
      const [[y, dx], [yJs, dxJs]] = both(c, draw(n, floats, seed, nanRate), seed + 100);
      expectSame(y, yJs);
      expectSame(dx, dxJs);
    }
    checkForward(wasm, c, draw(n, floats, 14, 0.04), 'float32');
    checkBackward(wasm, c, draw(n, floats, 15, 0.04), 16);
  });

  it('handles NaN first in a window, -0 after 0, and all-infinite windows', () => {
    // 2x2 windows over 8 channels: each channel a different pattern of its window's 4 taps.
    const patterns = [
      [negNaN, 1, Number.NaN, 2],
      [1, Number.NaN, 3, negNaN],
      [0, -0, -0, 0],
      [-0, 0, 0, -0],
      [-Infinity, -Infinity, -Infinity, -Infinity],
      [-Infinity, Infinity, Infinity, Number.NaN],
      [-1, -0, 0, -0],
      [Infinity, Number.NaN, Infinity, 5],
    ];
    const shape = [4, 24, 24, 8];
    const data = new Float32Array(sizeOf(shape));
    for (let i = 0; i < data.length; i++) {
      const [w, c] = [Math.floor(i / 8), i % 8];
      const [yy, xx] = [Math.floor(w / 24) % 24, w % 24];
      data[i] = patterns[(c + Math.floor(w / 576)) % 8]![(yy % 2) * 2 + (xx % 2)]!;
    }
    const c: Case = [shape, [2, 2], [2, 2], [0, 0, 0, 0]];
    const [[y, dx], [yJs, dxJs]] = both(c, Array.from(data), 3);
    expectSame(y, yJs);
    expectSame(dx, dxJs);
  });

  it('runs on the module for channels a multiple of 4, with dilations and windows of padding only', () => {
    // Hand-made attrs the ops refuse, straight against the JS kernel.
    const geometries: [Shape, Pool2DAttrs][] = [
      [[2, 12, 13, 8], { ...attrsOf([[], [3, 2], [2, 3], [1, 0, 2, 1]]), dilations: [2, 3] }],
      [[1, 6, 7, 4], attrsOf([[], [2, 2], [2, 2], [2, 2, 2, 2]])], // windows of padding only
      [[1, 5, 5, 12], { ...attrsOf([[], [3, 3], [1, 1], [3, 3, 3, 3]]), dilations: [2, 2] }],
    ];
    for (const [x, attrs] of geometries) {
      const [, h, w, ch] = x as [number, number, number, number];
      const extent = (i: 0 | 1, size: number, p0: number, p1: number) =>
        Math.floor(
          (size + p0 + p1 - ((attrs.windowSize[i] - 1) * attrs.dilations[i] + 1)) / attrs.strides[i],
        ) + 1;
      const y = [
        x[0]!,
        extent(0, h, attrs.pads[0], attrs.pads[1]),
        extent(1, w, attrs.pads[2], attrs.pads[3]),
        ch,
      ];
      const v = Float32Array.from(draw(sizeOf(x), floats, 21, 0.05));
      const dy = Float32Array.from({ length: sizeOf(y) }, seeded(22));
      const [out, outJs] = [new Float32Array(sizeOf(y)), new Float32Array(sizeOf(y))];
      expect(wasmMaxPool(v, x, y, attrs, out)).toBe(true);
      maxPoolInto(v, x, y, attrs, outJs, Number.NEGATIVE_INFINITY);
      expectSame(out, outJs);
      const [dx, dxJs] = [new Float32Array(v.length).fill(7), new Float32Array(v.length)];
      expect(wasmMaxPoolBackward(v, x, y, attrs, dy, dx)).toBe(true);
      maxPoolBackwardInto(v, x, y, attrs, dy, dxJs);
      expectSame(dx, dxJs);
    }
    expect(
      wasmMaxPool(
        new Float32Array(36),
        [1, 3, 2, 6],
        [1, 1, 1, 6],
        attrsOf([[], [2, 2], [2, 2], [0, 0, 0, 0]]),
        new Float32Array(6),
      ),
    ).toBe(false);
  });
});
