import { gradCheck, valueAndGrad } from '@descent/autograd';
import { mul, sum, type Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { affineResample, type FillMode } from '../ops/affine-resample';
import { affineResampleImageGrad } from '../ops/affine-resample-image-grad';
import { randomRotation } from '../random-rotation';
import { randomZoom } from '../random-zoom';
import { referenceRuntime, seeded } from '../test-utils/helpers';

const rt = referenceRuntime(11);
const next = seeded(5);
const images = () => rt.tensor(Float64Array.from({ length: 2 * 4 * 5 * 2 }, next), [2, 4, 5, 2]);
// Rotation-scale-shear with shifts that send some samples past the border (fill matters).
const matrices = () =>
  rt.tensor(
    Float64Array.of(0.831, -0.413, 1.372, 0.291, 1.118, -0.659, -1.067, 0.234, 4.737, 0.383, 0.912, 0.521),
    [2, 2, 3],
  );

describe('affineResample gradient (float64 central differences)', () => {
  for (const fillMode of ['constant', 'reflect', 'nearest', 'wrap'] as FillMode[]) {
    it(`bilinear, fillMode ${fillMode}: gradients to the images and the matrices`, () => {
      const f = (x: Tensor, m: Tensor) =>
        affineResample(x, m, { fillMode, fillValue: 0.3, outputShape: [3, 6] });
      const report = gradCheck(f, [images(), matrices()], { runtime: rt });
      expect(report.ok, report.message).toBe(true);
      expect(report.checked).toBe(80 + 12);
    });
  }

  it('nearest: the image gradient routes dy to the sampled pixel; the matrix gradient is zero', () => {
    const f = (x: Tensor, m: Tensor) =>
      affineResample(x, m, { interpolation: 'nearest', fillMode: 'reflect' });
    const report = gradCheck(f, [images(), matrices()], { runtime: rt });
    expect(report.ok, report.message).toBe(true);
  });

  it('the image gradient is the adjoint of the sampling: <A x, y> = <x, Aᵀ y>', () => {
    const x = images();
    const m = matrices();
    const attrs = {
      outputShape: [4, 5] as const,
      interpolation: 'bilinear' as const,
      fillMode: 'wrap' as const,
      fillValue: 0,
    };
    const y = rt.tensor(Float64Array.from({ length: 2 * 4 * 5 * 2 }, next), [2, 4, 5, 2]);
    const lhs = sum(mul(affineResample(x, m, attrs), y)).dataSync()[0]!;
    const rhs = sum(mul(x, affineResampleImageGrad(y, m, { ...attrs, inputShape: [4, 5] }))).dataSync()[0]!;
    expect(Math.abs(lhs - rhs)).toBeLessThan(1e-12);
  });

  it('a seeded random transform inside a differentiated function passes gradients to the images', () => {
    const rotate = randomRotation({ degrees: 40, fillMode: 'reflect' });
    const zoom = randomZoom({ factor: 0.3 });
    const f = (x: Tensor) => {
      rt.seed(3); // the same draws at every evaluation of f
      return zoom.apply(rotate.apply(x));
    };
    const report = gradCheck(f, [images()], { runtime: rt });
    expect(report.ok, report.message).toBe(true);
  });

  it('trains through the op: valueAndGrad reaches a learnable matrix', () => {
    const x = images();
    const { grads } = valueAndGrad((m: Tensor) => sum(affineResample(x, m)))(matrices());
    expect(grads.shape).toEqual([2, 2, 3]);
    expect(Array.from(grads.dataSync()).some((g) => g !== 0)).toBe(true);
  });
});
