import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, type Runtime, type Tensor } from '@descent/core';
import { layers } from '@descent/layers';
import { expect } from 'vitest';
import { regularizers } from '../regularizers-plugin';

/** A CPU runtime with autograd, layers and (unless `false`) this package's plugin. */
export function runtime(
  seed = 0,
  options: { precision?: 'float32' | 'float64'; regularizers?: boolean } = {},
): Runtime {
  return createRuntime({
    plugins: [
      cpuBackend({ precision: options.precision ?? 'float32' }),
      autograd(),
      layers(),
      ...(options.regularizers === false ? [] : [regularizers()]),
    ],
    seed,
  });
}

/** The values of a tensor as a plain array. */
export function values(t: Tensor): number[] {
  return Array.from(t.dataSync());
}

/** The single value of a scalar tensor. */
export function scalar(t: Tensor): number {
  return t.dataSync()[0]!;
}

/** Euclidean norms of the columns of a row-major [rows, cols] matrix. */
export function columnNorms(v: ArrayLike<number>, rows: number, cols: number): number[] {
  return Array.from({ length: cols }, (_, j) => {
    let s = 0;
    for (let i = 0; i < rows; i++) s += v[i * cols + j]! ** 2;
    return Math.sqrt(s);
  });
}

/** Element-wise `toBeCloseTo`, naming the element that differs. */
export function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, digits = 5): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i], `element ${i}`).toBeCloseTo(want[i]!, digits);
}
