import { DescentError, DTypeError, InvalidArgumentError, ShapeError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { transformFactories } from './augment-plugin';
import { centerCrop } from './center-crop';
import { cutout } from './cutout';
import { gaussianNoise } from './gaussian-noise';
import { mixup } from './mixup';
import { normalize } from './normalize';
import { randomBrightness } from './random-brightness';
import { randomContrast } from './random-contrast';
import { randomCrop } from './random-crop';
import { randomErasing } from './random-erasing';
import { randomRotation } from './random-rotation';
import { randomTranslation } from './random-translation';
import { randomZoom } from './random-zoom';
import { resize } from './resize';
import { cpuRuntime } from './test-utils/helpers';

const rt = cpuRuntime();
const valid: Record<string, object> = {
  randomRotation: { degrees: 10 },
  randomZoom: { factor: 0.1 },
  randomBrightness: { delta: 0.1 },
  randomContrast: { factor: 0.1 },
  gaussianNoise: { std: 0.1 },
  cutout: { size: 2 },
  normalize: { mean: 0, std: 1 },
  resize: { size: 4 },
  centerCrop: { size: 2 },
  mixup: { numClasses: 3 },
  cutmix: { numClasses: 3 },
};

describe('bad batches are typed errors naming the transform', () => {
  for (const [name, factory] of Object.entries(transformFactories)) {
    it(name, () => {
      const t = factory(valid[name] ?? {});
      const flat = rt.tensor(new Float32Array(12), [3, 4]);
      expect(() => t.apply(flat)).toThrow(ShapeError);
      expect(() => t.apply(flat)).toThrow(
        new RegExp(`^${name}: expected a 4-D NHWC image batch \\[n, h, w, c\\], got shape \\[3,4\\]`),
      );
      const ints = rt.tensor(new Int32Array(16), [1, 4, 4, 1], 'int32');
      expect(() => t.apply(ints)).toThrow(DTypeError);
      expect(() => t.apply(ints)).toThrow(
        new RegExp(`^${name}: expected images of dtype float32, got int32`),
      );
      expect(() => t.apply([1, 2] as never)).toThrow(InvalidArgumentError);
      const img = rt.tensor(new Float32Array(32), [2, 4, 4, 1]);
      const wrongLabels = rt.tensor(new Int32Array(3), [3], 'int32');
      expect(() => t.apply({ images: img, labels: wrongLabels })).toThrow(
        new RegExp(`^${name}: expected labels with the batch size 2`),
      );
    });
  }
});

describe('bad options are typed errors naming the transform', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'randomRotation',
      () => randomRotation({ degrees: -10 }),
      /randomRotation: expected degrees to be a non-negative number/,
    ],
    [
      'randomRotation',
      () => randomRotation({ degrees: [10, -10] }),
      /randomRotation: .*min <= max, got \[10, -10\]/,
    ],
    [
      'randomTranslation',
      () => randomTranslation({ heightFactor: -0.1 }),
      /randomTranslation: expected heightFactor/,
    ],
    ['randomZoom', () => randomZoom({ factor: -0.2 }), /randomZoom: expected factor to be a non-negative/],
    ['randomZoom', () => randomZoom({ factor: [-1.5, 0] }), /randomZoom: zoom factors must be > -1/],
    ['randomBrightness', () => randomBrightness({ delta: -1 }), /randomBrightness: expected delta/],
    ['randomContrast', () => randomContrast({ factor: -0.5 }), /randomContrast: expected factor/],
    [
      'randomContrast',
      () => randomContrast({ factor: 1.5 }),
      /randomContrast: contrast factors must be >= 0/,
    ],
    [
      'gaussianNoise',
      () => gaussianNoise({ std: -0.1 }),
      /gaussianNoise: std must lie within \[0, Infinity\]/,
    ],
    ['randomErasing', () => randomErasing({ scale: [0.5, 0.1] }), /randomErasing: expected scale/],
    ['randomCrop', () => randomCrop({ padding: -1 }), /randomCrop: expected padding/],
    ['cutout', () => cutout({ size: -2 }), /cutout: expected size/],
    ['centerCrop', () => centerCrop({} as never), /centerCrop: expected a size/],
    ['resize', () => resize({ size: [2.5, 3] }), /resize: expected size/],
    ['mixup', () => mixup({ alpha: -1 }), /mixup: expected alpha/],
    ['normalize', () => normalize({ mean: [0], std: [0] }), /normalize: expected every std > 0/],
    [
      'randomRotation',
      () => randomRotation({ degrees: 5, fillMode: 'mirror' as never }),
      /randomRotation: expected fillMode/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`${name}: ${message.source}`, () => {
      expect(make).toThrow(InvalidArgumentError);
      expect(make).toThrow(message);
    });
  }
});

describe('errors found at apply time', () => {
  it('normalize: a channel-count mismatch is a ShapeError naming normalize', () => {
    const rgb = rt.tensor(new Float32Array(2 * 2 * 2 * 3), [2, 2, 2, 3]);
    const t = normalize({ mean: [0.5, 0.5], std: [0.2, 0.2] });
    expect(() => t.apply(rgb)).toThrow(ShapeError);
    expect(() => t.apply(rgb)).toThrow('normalize: mean has 2 values but the batch has 3 channels');
    expect(() => normalize({ mean: 0, std: [1, 2] }).apply(rgb)).toThrow(
      'normalize: std has 2 values but the batch has 3 channels',
    );
  });

  it('randomCrop larger than the padded image', () => {
    const img = rt.tensor(new Float32Array(16), [1, 4, 4, 1]);
    expect(() => randomCrop({ size: 6, padding: 0 }).apply(img)).toThrow(
      /randomCrop: crop \[6,6\] is larger than the padded image \[4,4\]/,
    );
  });

  it('mixup without labels', () => {
    const img = rt.tensor(new Float32Array(16), [1, 4, 4, 1]);
    expect(() => mixup({ numClasses: 2 }).apply(img)).toThrow(
      'mixup: needs labels: call apply({ images, labels })',
    );
  });

  it('every error is a DescentError with a stable code', () => {
    try {
      randomRotation({ degrees: -1 });
    } catch (e) {
      expect(e).toBeInstanceOf(DescentError);
      expect((e as DescentError).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('a disposed batch is named', () => {
    const img = rt.tensor(new Float32Array(16), [1, 4, 4, 1]);
    img.dispose();
    expect(() => randomRotation({ degrees: 1 }).apply(img)).toThrow(
      /randomRotation: tensor #\d+ .* was disposed/,
    );
  });
});
