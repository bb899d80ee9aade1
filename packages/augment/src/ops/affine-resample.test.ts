import { cpuBackend } from '@descent/backend-cpu';
import {
  createRuntime,
  DTypeError,
  InvalidArgumentError,
  MissingKernelError,
  ShapeError,
  transpose,
} from '@descent/core';
import { describe, expect, it } from 'vitest';
import {
  codedImages,
  cpuRuntime,
  pixel,
  randomImages,
  referenceRuntime,
  values,
} from '../test-utils/helpers';
import { affineResample, type FillMode } from './affine-resample';

const rt = cpuRuntime();
const SHAPE = [2, 5, 7, 3] as const;
const [N, H, W, C] = SHAPE;

/** Independent index maps of the fill modes (loops, not modular arithmetic). */
function refIndex(i: number, len: number, mode: FillMode): number {
  if (i >= 0 && i < len) return i;
  if (mode === 'constant') return -1;
  if (mode === 'nearest') return i < 0 ? 0 : len - 1;
  let k = i;
  if (mode === 'wrap') {
    while (k < 0) k += len;
    while (k >= len) k -= len;
    return k;
  }
  while (k < 0 || k >= len) k = k < 0 ? -k - 1 : 2 * len - k - 1;
  return k;
}

function translation(dx: number, dy: number, n = N) {
  return rt.tensor(Array.from({ length: n }, () => [1, 0, -dx, 0, 1, -dy]).flat(), [n, 2, 3]);
}

describe('affineResample: closed forms', () => {
  const x = codedImages(rt, SHAPE);
  const xv = values(x);

  it('the identity matrix copies every pixel exactly, bilinear or nearest', () => {
    for (const interpolation of ['bilinear', 'nearest'] as const) {
      const y = affineResample(x, translation(0, 0), { interpolation });
      expect(values(y)).toEqual(xv);
    }
  });

  for (const fillMode of ['constant', 'nearest', 'reflect', 'wrap'] as const) {
    for (const interpolation of ['bilinear', 'nearest'] as const) {
      it(`integer translations are exact shifts with fillMode ${fillMode} (${interpolation})`, () => {
        for (const [dx, dy] of [
          [2, 1],
          [-3, 2],
          [9, -6],
          [-15, 11],
        ] as const) {
          const y = values(
            affineResample(x, translation(dx, dy), { interpolation, fillMode, fillValue: -7 }),
          );
          const expected: number[] = [];
          for (let b = 0; b < N; b++)
            for (let r = 0; r < H; r++)
              for (let c = 0; c < W; c++)
                for (let ch = 0; ch < C; ch++) {
                  const [rr, cc] = [refIndex(r - dy, H, fillMode), refIndex(c - dx, W, fillMode)];
                  expected.push(rr < 0 || cc < 0 ? -7 : pixel(xv, SHAPE, b, rr, cc, ch));
                }
          expect(y).toEqual(expected);
        }
      });
    }
  }

  it('flips are exact: [-1, 0, w - 1] mirrors columns, [0, -1, h - 1] rows', () => {
    const h = values(affineResample(x, rt.tensor([-1, 0, W - 1, 0, 1, 0, 1, 0, 0, 0, 1, 0], [2, 2, 3])));
    const v = values(affineResample(x, rt.tensor([1, 0, 0, 0, 1, 0, 1, 0, 0, 0, -1, H - 1], [2, 2, 3])));
    for (let r = 0; r < H; r++)
      for (let c = 0; c < W; c++)
        for (let ch = 0; ch < C; ch++) {
          expect(pixel(h, SHAPE, 0, r, c, ch)).toBe(pixel(xv, SHAPE, 0, r, W - 1 - c, ch));
          expect(pixel(h, SHAPE, 1, r, c, ch)).toBe(pixel(xv, SHAPE, 1, r, c, ch));
          expect(pixel(v, SHAPE, 0, r, c, ch)).toBe(pixel(xv, SHAPE, 0, r, c, ch));
          expect(pixel(v, SHAPE, 1, r, c, ch)).toBe(pixel(xv, SHAPE, 1, H - 1 - r, c, ch));
        }
  });

  it('a transpose matrix equals the transpose op on square images', () => {
    const sq = codedImages(rt, [2, 6, 6, 2]);
    const m = rt.tensor([0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0], [2, 2, 3]);
    expect(values(affineResample(sq, m, { interpolation: 'nearest' }))).toEqual(
      values(transpose(sq, [0, 2, 1, 3])),
    );
  });

  it('bilinear weights: a half-pixel shift averages neighbours; wrap reaches across the border', () => {
    const row = rt.tensor([1, 2, 4, 8], [1, 1, 4, 1]);
    const half = rt.tensor([1, 0, 0.5, 0, 1, 0], [1, 2, 3]);
    expect(values(affineResample(row, half, { fillMode: 'constant', fillValue: 100 }))).toEqual([
      1.5, 3, 6, 54,
    ]);
    expect(values(affineResample(row, half, { fillMode: 'wrap' }))).toEqual([1.5, 3, 6, 4.5]);
    expect(values(affineResample(row, half, { fillMode: 'reflect' }))).toEqual([1.5, 3, 6, 8]);
    expect(values(affineResample(row, half, { fillMode: 'nearest' }))).toEqual([1.5, 3, 6, 8]);
    // Nearest sampling rounds ties up: u = j + 0.5 reads pixel j + 1.
    expect(values(affineResample(row, half, { interpolation: 'nearest', fillValue: 100 }))).toEqual([
      2, 4, 8, 100,
    ]);
  });

  it('the output size is an attribute: a 2× nearest upsampling by matrix', () => {
    const row = rt.tensor([1, 2, 3], [1, 1, 3, 1]);
    const m = rt.tensor([0.5, 0, -0.25, 0, 0.5, -0.25], [1, 2, 3]);
    const y = affineResample(row, m, { outputShape: [2, 6], interpolation: 'nearest', fillMode: 'nearest' });
    expect(y.shape).toEqual([1, 2, 6, 1]);
    expect(values(y)).toEqual([1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3]);
  });

  it('a non-finite matrix gives NaN pixels, and other samples are untouched', () => {
    const m = rt.tensor([Number.NaN, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0], [2, 2, 3]);
    const y = values(affineResample(x, m));
    expect(y.slice(0, H * W * C).every(Number.isNaN)).toBe(true);
    expect(y.slice(H * W * C)).toEqual(xv.slice(H * W * C));
  });

  it('computes in float64 on the float64 reference backend', () => {
    const rt64 = referenceRuntime();
    const row = rt64.tensor([0, 1], [1, 1, 2, 1]);
    const third = rt64.tensor(Float64Array.of(1, 0, 1 / 3, 0, 1, 0), [1, 2, 3]);
    const y = affineResample(row, third, { fillMode: 'nearest' }).dataSync();
    expect(y).toBeInstanceOf(Float64Array);
    expect(y[0]).toBe(1 / 3);
  });
});

describe('affineResample: bad input', () => {
  const x = randomImages(rt, [2, 4, 4, 1]);
  const id = translation(0, 0);

  it('names the op and shows what was expected', () => {
    expect(() => affineResample(rt.tensor([1, 2, 3]), id)).toThrow(ShapeError);
    expect(() => affineResample(rt.tensor([1, 2, 3]), id)).toThrow(
      /affineResample: expected images of rank 4/,
    );
    expect(() => affineResample(x, rt.tensor([1, 0, 0, 0, 1, 0], [1, 2, 3]))).toThrow(
      /expected matrices of shape \[2,2,3\].*got \[1,2,3\]/,
    );
    expect(() => affineResample(x, rt.tensor(new Int32Array(12), [2, 2, 3], 'int32'))).toThrow(DTypeError);
    expect(() => affineResample(x, id, { interpolation: 'cubic' as never })).toThrow(InvalidArgumentError);
    expect(() => affineResample(x, id, { fillMode: 'mirror' as never })).toThrow(/expected fillMode/);
    expect(() => affineResample(x, id, { outputShape: [2, -1] })).toThrow(/outputShape/);
    expect(() => affineResample(x, [1, 0, 0] as never)).toThrow(/expected matrices to be a Tensor/);
  });

  it('without the plugin, the missing kernel names the op, the backend and the package', () => {
    const bare = createRuntime({ plugins: [cpuBackend()] });
    const img = bare.tensor(new Float32Array(4), [1, 2, 2, 1]);
    const m = bare.tensor([1, 0, 0, 0, 1, 0], [1, 2, 3]);
    expect(() => affineResample(img, m)).toThrow(MissingKernelError);
    expect(() => affineResample(img, m)).toThrow(/affineResample.*"cpu".*@descent\/augment/);
  });
});
