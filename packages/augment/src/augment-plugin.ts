import type { OpDef, Plugin } from '@descent/core';
import { centerCrop } from './center-crop';
import { cutmix } from './cutmix';
import { cutout } from './cutout';
import { gaussianNoise } from './gaussian-noise';
import { augmentCpuKernels } from './kernels/cpu-kernels';
import { mixup } from './mixup';
import { normalize } from './normalize';
import { affineResample } from './ops/affine-resample';
import { affineResampleImageGrad } from './ops/affine-resample-image-grad';
import { affineResampleMatrixGrad } from './ops/affine-resample-matrix-grad';
import { randomBrightness } from './random-brightness';
import { randomContrast } from './random-contrast';
import { randomCrop } from './random-crop';
import { randomErasing } from './random-erasing';
import { randomHorizontalFlip } from './random-horizontal-flip';
import { randomRotation } from './random-rotation';
import { randomTranslation } from './random-translation';
import { randomVerticalFlip } from './random-vertical-flip';
import { randomZoom } from './random-zoom';
import { resize } from './resize';
import { affineResampleRule } from './rules/affine-resample';
import type { TransformFactory } from './transform';

/** The ops this package adds: the resampler and the two ops of its gradient. */
export const augmentOps: readonly OpDef[] = [
  affineResample.def,
  affineResampleImageGrad.def,
  affineResampleMatrixGrad.def,
];

/** Every transform factory by name, as `augment()` registers them (kind `augmentation`). */
export const transformFactories: Readonly<Record<string, TransformFactory>> = {
  randomHorizontalFlip,
  randomVerticalFlip,
  randomRotation,
  randomTranslation,
  randomCrop,
  centerCrop,
  randomZoom,
  randomBrightness,
  randomContrast,
  gaussianNoise,
  cutout,
  randomErasing,
  mixup,
  cutmix,
  normalize,
  resize,
};

/**
 * The plugin of `@descent/augment`. It shows how a third party adds an op: it registers the
 * `affineResample` op (and the two ops of its gradient) with their CPU kernels, the gradient
 * rule (used when `@descent/autograd` is installed, so augmentation can sit inside a model),
 * and every transform factory under the registry kind `augmentation`. The gpu.js kernels live
 * in `@descent/augment/gpujs`, so CPU-only apps never load gpu.js.
 *
 * @example
 * import { createRuntime } from '@descent/core';
 * import { cpuBackend } from '@descent/backend-cpu';
 * import { augment, compose, randomHorizontalFlip, randomRotation } from '@descent/augment';
 * const rt = createRuntime({ plugins: [cpuBackend(), augment()], seed: 7 });
 * const pipeline = compose([randomHorizontalFlip(), randomRotation({ degrees: 10 })]);
 * const out = pipeline.apply(rt.tensor(pixels, [32, 28, 28, 1]));
 */
export function augment(): Plugin {
  return {
    name: '@descent/augment',
    version: '0.0.0',
    install(ctx) {
      for (const def of augmentOps) ctx.registerOp(def);
      ctx.registerKernels(augmentCpuKernels);
      ctx.register('gradient', affineResample.def.name, affineResampleRule);
      for (const [name, factory] of Object.entries(transformFactories))
        ctx.register('augmentation', name, factory);
    },
  };
}
