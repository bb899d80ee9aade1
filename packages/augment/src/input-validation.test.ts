import { DTypeError, ShapeError, zeros } from '@descent/core';
import { runInputValidationSweep } from '@descent/testing';
import { afterAll, describe } from 'vitest';
import * as api from './index';
import { cpuRuntime } from './test-utils/helpers';

describe('every export of @descent/augment validates its input', () => {
  const rt = cpuRuntime(1);
  const images = zeros(rt, [2, 4, 4, 1]);
  const m = rt.tensor([1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0], [2, 2, 3]);
  const flat = zeros(rt, [2, 4]);
  afterAll(() => rt.dispose([images, m, flat]));
  const opts = /expected options \(an object\), got/;
  const batch = /expected an NHWC image batch \(a Tensor\) or \{ images, labels \}, got/;

  runInputValidationSweep(api, {
    augment: { none: 'a plugin factory without arguments' },
    augmentOps: { none: 'op definitions the plugin registers' },
    transformFactories: { none: 'a table of the factories below, by name' },
    augmentCpuKernels: { none: 'kernels the runtime calls with checked inputs' },
    affineResampleRule: { none: 'a gradient rule the tape calls with the tensors it recorded' },
    affineMatrix: [
      {
        what: 'no params',
        call: () => api.affineMatrix(undefined as never, [4, 4]),
        message: /expected params \{ rotation, scale, shear, translate \}, got undefined/,
      },
      {
        what: 'a string rotation',
        call: () => api.affineMatrix({ rotation: '90' as never }, [4, 4]),
        message: /expected rotation to be a finite number of degrees, got the string "90"/,
      },
      {
        what: 'a single shear angle',
        call: () => api.affineMatrix({ shear: 10 as never }, [4, 4]),
        message: /expected shear to be a pair of degrees \[x, y\], got the number 10/,
      },
      {
        what: 'no input size',
        call: () => api.affineMatrix({}, undefined as never),
        message: /expected inputSize to be \[height, width\] of positive integers, got undefined/,
      },
      {
        what: 'a zero output size',
        call: () => api.affineMatrix({}, [4, 4], [0, 4]),
        message: /expected outputSize to be \[height, width\] of positive integers, got an array/,
      },
      {
        what: 'a singular transform',
        call: () => api.affineMatrix({ scale: 0 }, [4, 4]),
        message: /the transform is not invertible/,
      },
    ],
    affineResample: [
      {
        what: 'an array of images',
        call: () => api.affineResample([1] as never, m),
        message: /expected images to be a Tensor, got an array/,
      },
      {
        what: 'options a string',
        call: () => api.affineResample(images, m, 'nearest' as never),
        message: /expected options \(an object\), got the string "nearest"/,
      },
      {
        what: 'images of rank 2',
        call: () => api.affineResample(flat, m),
        message: /affineResample/,
        error: ShapeError,
      },
    ],
    affineResampleImageGrad: [
      {
        what: 'no matrices',
        call: () => api.affineResampleImageGrad(images, undefined as never, {} as never),
        message: /expected matrices to be a Tensor, got undefined/,
      },
      {
        what: 'no attrs',
        call: () => api.affineResampleImageGrad(images, m, undefined as never),
        message: /expected attrs \(an object\), got undefined/,
      },
    ],
    affineResampleMatrixGrad: [
      {
        what: 'a number for dy',
        call: () => api.affineResampleMatrixGrad(images, m, 1 as never, {} as never),
        message: /expected dy to be a Tensor, got number/,
      },
      {
        what: 'attrs null',
        call: () => api.affineResampleMatrixGrad(images, m, images, null as never),
        message: /expected attrs \(an object\), got null/,
      },
    ],
    compose: [
      {
        what: 'a transform, not an array',
        call: () => api.compose(api.randomHorizontalFlip() as never),
        message: /expected an array of transforms, got an object/,
      },
      {
        what: 'a number step',
        call: () => api.compose([1 as never]),
        message: /step 0 is not a transform \(or \{ transform, p \}\), got the number 1/,
      },
      {
        what: 'p above 1',
        call: () => api.compose([{ transform: api.randomHorizontalFlip(), p: 2 }]),
        message: /expected p in \[0, 1\], got 2/,
      },
      {
        what: 'applied to a rank-2 tensor',
        call: () => api.compose([api.randomHorizontalFlip()]).apply(flat),
        message: /expected a 4-D NHWC image batch/,
        error: ShapeError,
      },
    ],
    centerCrop: [
      { what: 'no options', call: () => api.centerCrop(undefined as never), message: opts },
      {
        what: 'a tensor for options',
        call: () => api.centerCrop(images as never),
        message: /got a Tensor of shape \[2,4,4,1\]/,
      },
      { what: 'no size', call: () => api.centerCrop({} as never), message: /expected a size/ },
    ],
    cutout: [
      {
        what: 'a negative size',
        call: () => api.cutout({ size: -2 }),
        message: /expected size to be a non-negative integer/,
      },
      {
        what: 'applied to an array',
        call: () => api.cutout({ size: 1 }).apply([1, 2] as never),
        message: batch,
      },
    ],
    resize: [
      {
        what: 'a number for options',
        call: () => api.resize(8 as never),
        message: /expected options \(an object\), got the number 8/,
      },
      {
        what: 'an unknown interpolation',
        call: () => api.resize({ size: 2, interpolation: 'cubic' as never }),
        message: /interpolation/,
      },
    ],
    gaussianNoise: [
      { what: 'no options', call: () => api.gaussianNoise(undefined as never), message: opts },
      {
        what: 'no std',
        call: () => api.gaussianNoise({} as never),
        message:
          /expected std to be a non-negative number or a range \[min, max\], got undefined \(it has no default\)/,
      },
      {
        what: 'int32 images',
        call: () => api.gaussianNoise({ std: 0.1 }).apply(zeros(rt, [1, 2, 2, 1], 'int32')),
        message: /float32/,
        error: DTypeError,
      },
    ],
    normalize: [
      {
        what: 'options a string',
        call: () => api.normalize('imagenet' as never),
        message: /got the string "imagenet"/,
      },
      {
        what: 'a zero std',
        call: () => api.normalize({ mean: [0], std: [0] }),
        message: /expected every std > 0/,
      },
    ],
    randomBrightness: [
      { what: 'no options', call: () => api.randomBrightness(undefined as never), message: opts },
      {
        what: 'no delta',
        call: () => api.randomBrightness({} as never),
        message: /expected delta .* got undefined \(it has no default\)/,
      },
    ],
    randomContrast: [
      { what: 'no options', call: () => api.randomContrast(undefined as never), message: opts },
      {
        what: 'no factor',
        call: () => api.randomContrast({} as never),
        message: /expected factor .* got undefined \(it has no default\)/,
      },
      {
        what: 'a negative factor',
        call: () => api.randomContrast({ factor: -0.5 }),
        message: /expected factor/,
      },
    ],
    randomRotation: [
      {
        what: 'null options',
        call: () => api.randomRotation(null as never),
        message: /expected options \(an object\), got null/,
      },
      {
        what: 'no degrees',
        call: () => api.randomRotation({} as never),
        message: /expected degrees .* \(it has no default\)/,
      },
      {
        what: 'an unknown fill mode',
        call: () => api.randomRotation({ degrees: 5, fillMode: 'mirror' as never }),
        message: /expected fillMode/,
      },
    ],
    randomZoom: [
      { what: 'no options', call: () => api.randomZoom(undefined as never), message: opts },
      {
        what: 'a zoom of -1',
        call: () => api.randomZoom({ factor: [-1.5, 0] }),
        message: /zoom factors must be > -1/,
      },
    ],
    randomTranslation: [
      { what: 'null options', call: () => api.randomTranslation(null as never), message: /got null/ },
      {
        what: 'a negative height factor',
        call: () => api.randomTranslation({ heightFactor: -1 }),
        message: /expected heightFactor/,
      },
    ],
    randomCrop: [
      { what: 'null options', call: () => api.randomCrop(null as never), message: /got null/ },
      {
        what: 'a negative padding',
        call: () => api.randomCrop({ padding: -1 }),
        message: /expected padding/,
      },
    ],
    randomErasing: [
      {
        what: 'options a string',
        call: () => api.randomErasing('x' as never),
        message: /got the string "x"/,
      },
      {
        what: 'an inverted scale',
        call: () => api.randomErasing({ scale: [0.5, 0.1] }),
        message: /expected scale/,
      },
    ],
    randomHorizontalFlip: [
      { what: 'null options', call: () => api.randomHorizontalFlip(null as never), message: /got null/ },
      {
        what: 'p of 2',
        call: () => api.randomHorizontalFlip({ p: 2 }),
        message: /expected p to be a number in \[0, 1\], got 2/,
      },
      {
        what: 'applied to undefined',
        call: () => api.randomHorizontalFlip().apply(undefined as never),
        message: batch,
      },
    ],
    randomVerticalFlip: [
      {
        what: 'options an array',
        call: () => api.randomVerticalFlip([0.5] as never),
        message: /got an array/,
      },
      {
        what: 'labels of another batch size',
        call: () => api.randomVerticalFlip().apply({ images, labels: zeros(rt, [3]) }),
        message: /expected labels with the batch size 2 on axis 0/,
        error: ShapeError,
      },
    ],
    mixup: [
      { what: 'null options', call: () => api.mixup(null as never), message: /got null/ },
      { what: 'a negative alpha', call: () => api.mixup({ alpha: -1 }), message: /expected alpha/ },
      {
        what: 'no labels',
        call: () => api.mixup().apply(images),
        message: /needs labels: call apply\(\{ images, labels \}\)/,
      },
    ],
    cutmix: [
      { what: 'options a number', call: () => api.cutmix(1 as never), message: /got the number 1/ },
      {
        what: 'a fractional class count',
        call: () => api.cutmix({ numClasses: 2.5 }),
        message: /expected numClasses to be an integer/,
      },
    ],
  });
});
