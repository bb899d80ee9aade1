import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  createRuntime,
  matmul,
  type Runtime,
  type Shape,
  type Tensor,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from './cpu-backend-plugin';
import { GEMM_WASM_SOURCE_SHA256 } from './internal/wasm/gemm-binary';
import { GEMM_SHARED_WASM_SOURCE_SHA256 } from './internal/wasm/gemm-shared-binary';
import { wasmGemmModule } from './internal/wasm/wasm-gemm';
import { seeded } from './test-utils/helpers';

// The fast kernels (packed GEMM, im2col + GEMM) against the reference loops on random shapes,
// odd sizes and the edges of the GEMM's register tile (4×4) and cache blocks (64 × 256 × 1024).
// 'wasm' in float64 mode runs the JS GEMM (the WASM module is float32-only), so it is 'js' there.
// 'wasm, staged' keeps tensors in JS arrays, which the WASM kernels copy in and out.
const variants = [
  { kernels: 'wasm', precision: 'float32', tol: 2e-6, residentTensors: true },
  { kernels: 'wasm', precision: 'float32', tol: 2e-6, residentTensors: false },
  { kernels: 'js', precision: 'float32', tol: 2e-6, residentTensors: false },
  { kernels: 'js', precision: 'float64', tol: 1e-13, residentTensors: false },
] as const;

function pair(
  kernels: 'wasm' | 'js',
  precision: 'float32' | 'float64',
  residentTensors: boolean,
): [Runtime, Runtime] {
  return [
    createRuntime({ plugins: [cpuBackend({ precision, kernels, residentTensors })] }),
    createRuntime({ plugins: [cpuBackend({ precision, kernels: 'reference' })] }),
  ];
}

describe('the WASM SIMD GEMM', () => {
  it('loads in Node, so the wasm variant below runs it', () => {
    expect(wasmGemmModule()).not.toBeNull();
  });

  it('is compiled from the current wasm/*.c (rebuild: node scripts/build-wasm.mjs)', () => {
    const hash = createHash('sha256');
    for (const f of ['gemm.c', 'conv.c', 'adam.c', 'relu.c', 'elementwise.c', 'pool.c'])
      hash.update(readFileSync(fileURLToPath(new URL(`../wasm/${f}`, import.meta.url))));
    const sha = hash.digest('hex');
    expect(sha).toBe(GEMM_WASM_SOURCE_SHA256);
    expect(sha).toBe(GEMM_SHARED_WASM_SOURCE_SHA256);
  });
});

function random(rt: Runtime, shape: Shape, seed: number): Tensor {
  const next = seeded(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const values = rt.backend().precision === 'float64' ? new Float64Array(n) : new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = next();
  return rt.tensor(values, shape);
}

/** max |a − b| / max(1, |b|) over the elements, which must be as many. */
function relError(a: Tensor, b: Tensor): number {
  expect(a.shape).toEqual(b.shape);
  const [x, y] = [a.dataSync(), b.dataSync()];
  let worst = 0;
  for (let i = 0; i < y.length; i++)
    worst = Math.max(worst, Math.abs(x[i]! - y[i]!) / Math.max(1, Math.abs(y[i]!)));
  return worst;
}

describe.each(variants)(
  '$kernels kernels match the reference ($precision, resident tensors: $residentTensors)',
  ({ kernels, precision, tol, residentTensors }) => {
    const [fast, ref] = pair(kernels, precision, residentTensors);
    // Both runtimes get the same values: tensors are made on each from one seed.
    const both = (shape: Shape, seed: number): [Tensor, Tensor] => [
      random(fast, shape, seed),
      random(ref, shape, seed),
    ];

    const sizes: [number, number, number][] = [
      [1, 1, 1],
      [3, 5, 2],
      [4, 4, 4],
      [5, 17, 9],
      [16, 16, 16],
      [17, 33, 13],
      [64, 256, 64],
      [65, 257, 67],
      [130, 300, 7],
      [7, 513, 130],
      [2, 40, 1100],
      [70, 9, 1030],
    ];
    const flags = [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ] as const;
    it.each(sizes)('matmul m=%i k=%i n=%i, every transpose', (m, k, n) => {
      for (const [ta, tb] of flags) {
        const [a, a2] = both(ta ? [k, m] : [m, k], m * 31 + k);
        const [b, b2] = both(tb ? [n, k] : [k, n], n * 17 + k);
        const opts = { transposeA: ta, transposeB: tb };
        expect(relError(matmul(a, b, opts), matmul(a2, b2, opts)), `ta ${ta} tb ${tb}`).toBeLessThan(
          tol * Math.sqrt(k),
        );
      }
    });

    it('matmul with broadcast batches', () => {
      const [a, a2] = both([3, 1, 9, 70], 1);
      const [b, b2] = both([4, 70, 11], 2);
      expect(relError(matmul(a, b), matmul(a2, b2))).toBeLessThan(tol * 10);
      const [c, c2] = both([2, 70, 9], 3);
      const opts = { transposeA: true, transposeB: true };
      const [d, d2] = both([2, 6, 70], 4);
      expect(relError(matmul(c, d, opts), matmul(c2, d2, opts))).toBeLessThan(tol * 10);
    });

    const next = seeded(99);
    const int = (lo: number, hi: number) => lo + Math.floor(((next() + 1) / 2) * (hi - lo + 1));
    const convCases = Array.from({ length: 24 }, (_, i) => {
      const fh = int(1, 5);
      const fw = int(1, 5);
      const dilations = [int(1, 2), int(1, 2)] as const;
      const h = int((fh - 1) * dilations[0] + 1, 19);
      const w = int((fw - 1) * dilations[1] + 1, 19);
      return {
        i,
        x: [int(1, 3), h, w, int(1, 9)] as const,
        fh,
        fw,
        cout: int(1, 13),
        strides: [int(1, 3), int(1, 3)] as const,
        pads: [int(0, 2), int(0, 2), int(0, 2), int(0, 2)] as const,
        dilations,
      };
    });
    // Wide ones: more than one im2col chunk (256 pixels) and K past the GEMM's 256-deep block.
    convCases.push({
      i: 24,
      x: [3, 28, 28, 1],
      fh: 5,
      fw: 5,
      cout: 8,
      strides: [1, 1],
      pads: [2, 2, 2, 2],
      dilations: [1, 1],
    });
    convCases.push({
      i: 25,
      x: [2, 14, 14, 40],
      fh: 3,
      fw: 3,
      cout: 17,
      strides: [1, 1],
      pads: [1, 1, 1, 1],
      dilations: [1, 1],
    });

    it.each(convCases)('conv2d and its backprops, random case $i', (c) => {
      const f = [c.fh, c.fw, c.x[3], c.cout] as const;
      const attrs = { strides: c.strides, pads: c.pads, dilations: c.dilations };
      const [x, x2] = both(c.x, c.i * 7 + 1);
      const [w, w2] = both(f, c.i * 7 + 2);
      const y = conv2d(x, w, { ...attrs, padding: c.pads });
      const k = c.fh * c.fw * c.x[3];
      expect(relError(y, conv2d(x2, w2, { ...attrs, padding: c.pads }))).toBeLessThan(tol * Math.sqrt(k));
      const [dy, dy2] = both(y.shape, c.i * 7 + 3);
      expect(
        relError(
          conv2dBackpropInput(dy, w, { ...attrs, inputShape: c.x }),
          conv2dBackpropInput(dy2, w2, { ...attrs, inputShape: c.x }),
        ),
      ).toBeLessThan(tol * Math.sqrt(k * c.cout));
      const pixels = y.shape[0]! * y.shape[1]! * y.shape[2]!;
      expect(
        relError(
          conv2dBackpropFilter(x, dy, { ...attrs, filterShape: f }),
          conv2dBackpropFilter(x2, dy2, { ...attrs, filterShape: f }),
        ),
      ).toBeLessThan(tol * Math.sqrt(pixels));
    });
  },
);
