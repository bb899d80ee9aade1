import { createRuntime, type Runtime, type Shape, type Tensor } from '@descent/core';
import { expect } from 'vitest';
import { cpuBackend } from '../cpu-backend-plugin';

/** A runtime with only the CPU backend. */
export function cpuRuntime(): Runtime {
  return createRuntime({ plugins: [cpuBackend()] });
}

/** A small seeded generator (mulberry32) of values in [-1, 1), independent of the runtime's RNG. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  };
}

/** A float32 tensor of seeded random values in [-1, 1). */
export function randomTensor(rt: Runtime, shape: Shape, seed: number): Tensor {
  const next = seeded(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return rt.tensor(Float32Array.from({ length: n }, next), shape);
}

/** <a, b> summed in float64. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Elementwise |actual - expected| <= tol · max(1, |expected|); NaNs must match. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i]!, expected[i]!];
    if (Number.isNaN(e) || !Number.isFinite(e)) expect(a, `element ${i}`).toBe(e);
    else
      expect(Math.abs(a - e), `element ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(
        tol * Math.max(1, Math.abs(e)),
      );
  }
}

/** Row-major multi-index of flat index `i` in `shape`. */
export function unravel(i: number, shape: Shape): number[] {
  const idx = new Array<number>(shape.length);
  for (let a = shape.length - 1; a >= 0; a--) {
    idx[a] = i % shape[a]!;
    i = Math.floor(i / shape[a]!);
  }
  return idx;
}

/** Flat index of a multi-index in `shape`. */
export function ravel(idx: readonly number[], shape: Shape): number {
  return idx.reduce((flat, v, a) => flat * shape[a]! + v, 0);
}

/** Values of a tensor as a plain array. */
export function values(t: Tensor): number[] {
  return Array.from(t.dataSync());
}
