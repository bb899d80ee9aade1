export type { AffineParams } from './affine-matrix';
export { affineMatrix } from './affine-matrix';
export { augment, augmentOps, transformFactories } from './augment-plugin';
export type { CenterCropOptions } from './center-crop';
export { centerCrop } from './center-crop';
export type { ComposeStep } from './compose';
export { compose } from './compose';
export type { CutmixOptions } from './cutmix';
export { cutmix } from './cutmix';
export type { CutoutOptions } from './cutout';
export { cutout } from './cutout';
export type { GaussianNoiseOptions } from './gaussian-noise';
export { gaussianNoise } from './gaussian-noise';
export type { SamplingOptions } from './internal/geometry';
export { augmentCpuKernels } from './kernels/cpu-kernels';
export type { MixupOptions } from './mixup';
export { mixup } from './mixup';
export type { NormalizeOptions } from './normalize';
export { normalize } from './normalize';
export type {
  AffineResampleAttrs,
  AffineResampleOptions,
  FillMode,
  Interpolation,
} from './ops/affine-resample';
export { affineResample } from './ops/affine-resample';
export type { AffineResampleImageGradAttrs } from './ops/affine-resample-image-grad';
export { affineResampleImageGrad } from './ops/affine-resample-image-grad';
export { affineResampleMatrixGrad } from './ops/affine-resample-matrix-grad';
export type { RandomBrightnessOptions } from './random-brightness';
export { randomBrightness } from './random-brightness';
export type { RandomContrastOptions } from './random-contrast';
export { randomContrast } from './random-contrast';
export type { RandomCropOptions } from './random-crop';
export { randomCrop } from './random-crop';
export type { RandomErasingOptions } from './random-erasing';
export { randomErasing } from './random-erasing';
export type { RandomFlipOptions } from './random-horizontal-flip';
export { randomHorizontalFlip } from './random-horizontal-flip';
export type { RandomRotationOptions } from './random-rotation';
export { randomRotation } from './random-rotation';
export type { RandomTranslationOptions } from './random-translation';
export { randomTranslation } from './random-translation';
export { randomVerticalFlip } from './random-vertical-flip';
export type { RandomZoomOptions } from './random-zoom';
export { randomZoom } from './random-zoom';
export type { ResizeOptions } from './resize';
export { resize } from './resize';
export { affineResampleRule } from './rules/affine-resample';
export type { ApplyOptions, Batch, Transform, TransformFactory } from './transform';
