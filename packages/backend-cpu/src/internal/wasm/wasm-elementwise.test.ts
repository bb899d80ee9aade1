import { add, createRuntime, type Shape, sum } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../../cpu-backend-plugin';

// The WASM add and leading-axes sum (wasm/elementwise.c) against the JS kernels (`kernels: 'js'`
// never takes a WASM path), bit for bit, past the 8,192-element threshold of copied operands and
// past the 1,024 of resident ones, with lengths that are not whole vectors of four and special
// values at every lane position.
const wasm = createRuntime({ plugins: [cpuBackend()] });
// Tensors in JS arrays, copied into the WASM memory and back.
const staged = createRuntime({ plugins: [cpuBackend({ residentTensors: false })] });
const js = createRuntime({ plugins: [cpuBackend({ kernels: 'js' })] });
const specials = [Number.NaN, Infinity, -Infinity, -0, 0, 1e-40, 3.4e38, -3.4e38];
// For sums: a NaN or infinity anywhere in a column would hide every other difference.
const finite = [-0, 0, 1e-40, -1e-40];

function data(shape: Shape, seed: number, extra = specials): Float32Array {
  let s = seed;
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return i % 53 < extra.length ? extra[i % 53]! : (s / 2 ** 32 - 0.5) * 10 ** ((s % 13) - 6);
  });
}

function bits(rt: typeof wasm, f: (rt: typeof wasm) => ReturnType<typeof add>): number[] {
  const y = rt.tidy(() => f(rt));
  const v = Array.from(y.dataSync(), (x) => (Object.is(x, -0) ? '-0' : String(x))) as unknown as number[];
  y.dispose();
  return v;
}

describe('WASM elementwise kernels match the JS kernels bit for bit', () => {
  const addCases: [Shape, Shape][] = [
    [[9001], [9001]],
    [[3001, 7], [7]],
    [
      [1, 7],
      [3001, 7],
    ],
    [[40, 24, 24, 8], [8]],
    [[64, 128], [128]],
    [[1027], [1027]],
    [
      [2, 1500, 5],
      [1500, 5],
    ],
  ];
  it.each(addCases)('add %j + %j', (sa, sb) => {
    const run = (rt: typeof wasm) => add(rt.tensor(data(sa, 1), sa), rt.tensor(data(sb, 2), sb));
    const want = bits(js, run);
    expect(bits(wasm, run)).toEqual(want);
    expect(bits(staged, run)).toEqual(want);
  });

  const sumCases: [Shape, number[]][] = [
    [[3001, 7], [0]],
    [
      [40, 24, 24, 8],
      [0, 1, 2],
    ],
    [
      [9, 1000, 3],
      [0, 1],
    ],
    [[20000, 1], [0]],
    [[64, 128], [0]],
    [[343, 3], [0]],
  ];
  it.each(sumCases)('sum of %j over %j', (shape, axes) => {
    const run = (rt: typeof wasm) => sum(rt.tensor(data(shape, 3, finite), shape), axes);
    const got = bits(wasm, run);
    expect(got.every((v) => Number.isFinite(Number(v)))).toBe(true);
    expect(got).toEqual(bits(js, run));
    expect(bits(staged, run)).toEqual(got);
  });
});
