import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/torchvision-fixtures.json';
import { affineMatrix } from './affine-matrix';
import { affineResample, type FillMode, type Interpolation } from './ops/affine-resample';
import { randomRotation } from './random-rotation';
import { randomZoom } from './random-zoom';
import { resize } from './resize';
import { cpuRuntime, maxAbsDiff, values } from './test-utils/helpers';

// Reference: fixtures/make_fixtures.py (torchvision 0.14 / PyTorch 1.13, float64).
const TOL = 1e-4;
const rt = cpuRuntime(3);
const [n, h, w, c] = fixture.shape as [number, number, number, number];
const images = rt.tensor(Float64Array.from(fixture.images), [n, h, w, c]);

interface Case {
  name: string;
  kind: string;
  output: number[];
  angle?: number;
  translate?: number[];
  scale?: number;
  shear?: number[];
  interpolation?: string;
  fill?: number;
  size?: number[];
  matrices?: number[];
  fillMode?: string;
}

const cases = fixture.cases as Case[];
const worst: Record<string, number> = {};

function check(label: string, actual: ArrayLike<number>, expected: number[]): void {
  const err = maxAbsDiff(actual, expected);
  worst[label] = err;
  expect(err, label).toBeLessThanOrEqual(TOL);
}

function batched(m: number[]): ReturnType<typeof rt.tensor> {
  return rt.tensor(
    Float64Array.from({ length: 6 * n }, (_, i) => m[i % 6]!),
    [n, 2, 3],
  );
}

describe(`affineResample matches torchvision ${fixture.torchvision} within ${TOL}`, () => {
  it('has the cases the issue asks for: rotation, zoom, affine (and resize, fill modes)', () => {
    const kinds = new Set(cases.map((k) => k.kind));
    expect([...kinds].sort()).toEqual(['affine', 'grid', 'resize', 'rotate']);
  });

  for (const k of cases) {
    it(k.name, () => {
      const interpolation = (k.interpolation ?? 'bilinear') as Interpolation;
      if (k.kind === 'rotate') {
        const m = affineMatrix({ rotation: k.angle! }, [h, w]);
        const opts = { interpolation, fillValue: k.fill! };
        check(`${k.name} (op)`, affineResample(images, batched(m), opts).dataSync(), k.output);
        // The transform draws from [angle, angle]: the same rotation for every sample.
        const t = randomRotation({ degrees: [k.angle!, k.angle!], ...opts });
        check(`${k.name} (randomRotation)`, t.apply(images).dataSync(), k.output);
      } else if (k.kind === 'affine') {
        // torchvision's affine angle is clockwise; ours counter-clockwise.
        const params = {
          rotation: -k.angle!,
          translate: k.translate as [number, number],
          scale: k.scale!,
          shear: k.shear as [number, number],
        };
        const opts = { interpolation, fillValue: k.fill! };
        check(
          `${k.name} (op)`,
          affineResample(images, batched(affineMatrix(params, [h, w])), opts).dataSync(),
          k.output,
        );
        if (k.angle === 0 && k.shear!.every((s) => s === 0) && k.translate!.every((t) => t === 0)) {
          const z = k.scale! - 1;
          const t = randomZoom({ factor: [z, z], ...opts });
          check(`${k.name} (randomZoom)`, t.apply(images).dataSync(), k.output);
        }
      } else if (k.kind === 'resize') {
        const [oh, ow] = k.size as [number, number];
        const y = resize({ size: [oh, ow] }).apply(images);
        expect(y.shape).toEqual([n, oh, ow, c]);
        check(k.name, y.dataSync(), k.output);
      } else {
        const m = rt.tensor(Float64Array.from(k.matrices!.flat()), [n, 2, 3]);
        const y = affineResample(images, m, { interpolation, fillMode: k.fillMode as FillMode });
        check(k.name, y.dataSync(), k.output);
      }
    });
  }

  it('reports the largest errors', () => {
    const all = Object.values(worst);
    expect(all.length).toBeGreaterThanOrEqual(cases.length);
    console.log(
      `max |descent - torchvision| over ${all.length} comparisons: ${Math.max(...all).toExponential(2)}`,
    );
  });
});

describe('rotation by quarter turns with nearest sampling is a transpose and flips', () => {
  const sq = rt.tensor(
    Float32Array.from({ length: 2 * 6 * 6 * 2 }, (_, i) => i),
    [2, 6, 6, 2],
  );
  const sv = values(sq);
  const at = (v: ArrayLike<number>, b: number, r: number, col: number, ch: number) =>
    v[((b * 6 + r) * 6 + col) * 2 + ch]!;
  const rotate = (deg: number, img = sq) =>
    values(randomRotation({ degrees: [deg, deg], interpolation: 'nearest' }).apply(img));

  it('90° (counter-clockwise) equals np.rot90: out[i][j] = in[j][w-1-i]', () => {
    const y = rotate(90);
    for (let b = 0; b < 2; b++)
      for (let i = 0; i < 6; i++)
        for (let j = 0; j < 6; j++)
          for (let ch = 0; ch < 2; ch++) expect(at(y, b, i, j, ch)).toBe(at(sv, b, j, 5 - i, ch));
  });

  it('-90° equals the transpose flipped left–right; 180° flips both axes, also for non-square images', () => {
    const y = rotate(-90);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++) expect(at(y, 1, i, j, 1)).toBe(at(sv, 1, 5 - j, i, 1));
    const rect = rt.tensor(
      Float32Array.from({ length: 5 * 8 }, (_, i) => i),
      [1, 5, 8, 1],
    );
    const r = values(randomRotation({ degrees: [180, 180], interpolation: 'nearest' }).apply(rect));
    expect(r).toEqual(values(rect).reverse());
  });

  it('a rotation a hair off 90° still lands on the same pixels with nearest sampling', () => {
    expect(rotate(90 + 1e-6)).toEqual(rotate(90));
  });
});
