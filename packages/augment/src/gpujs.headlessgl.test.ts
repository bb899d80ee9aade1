import { cpuBackend } from '@descent/backend-cpu';
import { gpujsBackend } from '@descent/backend-gpujs';
import { createRuntime, type Runtime, type Tensor } from '@descent/core';
import { afterAll, describe, expect, it } from 'vitest';
import { augment } from './augment-plugin';
import { compose } from './compose';
import { cutmix } from './cutmix';
import { cutout } from './cutout';
import { gaussianNoise } from './gaussian-noise';
import { augmentGpujs } from './gpujs';
import { normalize } from './normalize';
import { affineResample, type FillMode, type Interpolation } from './ops/affine-resample';
import { affineResampleImageGrad } from './ops/affine-resample-image-grad';
import { affineResampleMatrixGrad } from './ops/affine-resample-matrix-grad';
import { randomContrast } from './random-contrast';
import { randomCrop } from './random-crop';
import { randomHorizontalFlip } from './random-horizontal-flip';
import { randomRotation } from './random-rotation';
import { randomZoom } from './random-zoom';
import { resize } from './resize';
import { seeded } from './test-utils/helpers';

const TOL = 1e-5;
const runtimes: Runtime[] = [];
afterAll(() => {
  for (const rt of runtimes) rt.backend('gpujs').destroy?.();
});

function runtime(seed = 0): Runtime {
  const rt = createRuntime({
    plugins: [cpuBackend(), gpujsBackend({ mode: 'headlessgl' }), augment(), augmentGpujs()],
    seed,
  });
  runtimes.push(rt);
  return rt;
}

const rt = runtime();
const next = seeded(9);
const imageValues = Float32Array.from({ length: 3 * 6 * 7 * 2 }, next);
const matrixValues = Float32Array.of(
  // Away from half-pixel ties, where float32 (GPU) and float64 (CPU) coordinates may round apart.
  ...[0.831, -0.413, 2.372, 0.291, 1.118, -0.659],
  ...[-1.067, 0.234, 9.713, 0.383, 0.912, -3.517],
  ...[1, 0, -2, 0, 1, 3],
);
const dyValues = Float32Array.from({ length: 3 * 5 * 8 * 2 }, () => next() * 2 - 1);

function on(backend: string) {
  return {
    images: rt.tensor(imageValues, [3, 6, 7, 2], 'float32', { backend }),
    matrices: rt.tensor(matrixValues, [3, 2, 3], 'float32', { backend }),
    dy: rt.tensor(dyValues, [3, 5, 8, 2], 'float32', { backend }),
  };
}

function expectClose(gpu: Tensor, cpu: Tensor, label: string): number {
  expect(gpu.backendName).toBe('gpujs');
  expect(gpu.shape).toEqual(cpu.shape);
  const [g, c] = [gpu.dataSync(), cpu.dataSync()];
  let worst = 0;
  for (let k = 0; k < c.length; k++) {
    const err = Math.abs(g[k]! - c[k]!) / Math.max(1, Math.abs(c[k]!));
    if (!(err <= worst)) worst = err;
  }
  expect(worst, label).toBeLessThanOrEqual(TOL);
  return worst;
}

describe('affineResample: the gpu.js kernels agree with the CPU kernels within 1e-5', () => {
  const cpu = on('cpu');
  const gpu = on('gpujs');
  for (const interpolation of ['bilinear', 'nearest'] as Interpolation[]) {
    for (const fillMode of ['constant', 'reflect', 'nearest', 'wrap'] as FillMode[]) {
      it(`${interpolation}, fillMode ${fillMode}: forward and both gradients`, () => {
        const attrs = { outputShape: [5, 8] as const, interpolation, fillMode, fillValue: 0.25 };
        rt.tidy(() => {
          expectClose(
            affineResample(gpu.images, gpu.matrices, attrs),
            affineResample(cpu.images, cpu.matrices, attrs),
            'forward',
          );
          const gradAttrs = { ...attrs, inputShape: [6, 7] as const };
          expectClose(
            affineResampleImageGrad(gpu.dy, gpu.matrices, gradAttrs),
            affineResampleImageGrad(cpu.dy, cpu.matrices, gradAttrs),
            'image gradient',
          );
          expectClose(
            affineResampleMatrixGrad(gpu.images, gpu.matrices, gpu.dy, attrs),
            affineResampleMatrixGrad(cpu.images, cpu.matrices, cpu.dy, attrs),
            'matrix gradient',
          );
        });
      });
    }
  }

  it('integer translations and flips are exact on the GPU too', () => {
    const m = rt.tensor([-1, 0, 6, 0, 1, 0, 1, 0, 2, 0, 1, -1, 1, 0, 0, 0, -1, 5], [3, 2, 3], 'float32', {
      backend: 'gpujs',
    });
    const y = affineResample(gpu.images, m, { fillMode: 'wrap' });
    const mc = rt.tensor(m.dataSync(), [3, 2, 3], 'float32', { backend: 'cpu' });
    const yc = affineResample(cpu.images, mc, { fillMode: 'wrap' });
    expect(Array.from(y.dataSync())).toEqual(Array.from(yc.dataSync()));
  });
});

describe('transforms run on the backend that holds the batch, with the same random parameters', () => {
  const pipeline = compose([
    randomHorizontalFlip(),
    { transform: randomRotation({ degrees: 25, fillMode: 'reflect' }), p: 0.7 },
    randomZoom({ factor: 0.2 }),
    randomCrop({ size: [6, 6], padding: 1 }),
    randomContrast({ factor: 0.3 }),
    gaussianNoise({ std: 0.05 }),
    cutout({ size: 2 }),
    cutmix({ numClasses: 4 }),
    resize({ size: [9, 9] }),
    normalize({ mean: [0.5, 0.4], std: [0.2, 0.3] }),
  ]);

  it('a full pipeline gives the same batch on gpu.js as on the CPU', () => {
    const results = ['cpu', 'gpujs'].map((backend) => {
      const r = runtime(42);
      const images = r.tensor(imageValues, [3, 6, 7, 2], 'float32', { backend });
      const labels = r.tensor(Int32Array.of(0, 1, 3), [3], 'int32', { backend });
      return pipeline.apply({ images, labels });
    });
    const [c, g] = results as [{ images: Tensor; labels?: Tensor }, { images: Tensor; labels?: Tensor }];
    expectClose(g.images, c.images, 'images');
    expectClose(g.labels!, c.labels!, 'labels');
  });
});
