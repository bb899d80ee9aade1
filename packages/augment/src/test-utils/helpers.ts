import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, type Runtime, type Tensor } from '@descent/core';
import { expect } from 'vitest';
import { augment } from '../augment-plugin';

/** A CPU runtime with this package's plugin. */
export function cpuRuntime(seed = 0): Runtime {
  return createRuntime({ plugins: [cpuBackend(), augment()], seed });
}

/** A float64 CPU runtime with autograd and this package's plugin, for gradient checks. */
export function referenceRuntime(seed = 0): Runtime {
  return createRuntime({ plugins: [cpuBackend({ precision: 'float64' }), autograd(), augment()], seed });
}

/** A small seeded generator (mulberry32) of values in [0, 1), independent of the runtime's RNG. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** An NHWC batch of seeded values in [0, 1). */
export function randomImages(
  rt: Runtime,
  shape: readonly [number, number, number, number],
  seed = 1,
): Tensor {
  const next = seeded(seed);
  return rt.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, next), [...shape]);
}

/** A batch whose pixel [b, r, c, ch] holds a distinct integer code, so moved pixels can be traced. */
export function codedImages(rt: Runtime, [n, h, w, c]: readonly [number, number, number, number]): Tensor {
  return rt.tensor(
    Float32Array.from({ length: n * h * w * c }, (_, i) => i + 1),
    [n, h, w, c],
  );
}

/** Reads pixel [b, r, c, ch] of flat NHWC values. */
export function pixel(
  values: ArrayLike<number>,
  [, h, w, c]: readonly number[],
  b: number,
  r: number,
  col: number,
  ch = 0,
): number {
  return values[((b * h! + r) * w! + col) * c! + ch]!;
}

/** Largest |a - b| over two arrays of one length. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= worst)) worst = d;
  }
  return worst;
}

/** Plain array of a tensor's values. */
export function values(t: Tensor): number[] {
  return Array.from(t.dataSync());
}
