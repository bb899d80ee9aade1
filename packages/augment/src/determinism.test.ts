import type { Tensor } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { transformFactories } from './augment-plugin';
import { compose } from './compose';
import { cutmix } from './cutmix';
import { cutout } from './cutout';
import { gaussianNoise } from './gaussian-noise';
import { mixup } from './mixup';
import { randomBrightness } from './random-brightness';
import { randomContrast } from './random-contrast';
import { randomCrop } from './random-crop';
import { randomErasing } from './random-erasing';
import { randomHorizontalFlip } from './random-horizontal-flip';
import { randomRotation } from './random-rotation';
import { randomTranslation } from './random-translation';
import { randomVerticalFlip } from './random-vertical-flip';
import { randomZoom } from './random-zoom';
import { cpuRuntime, randomImages } from './test-utils/helpers';
import type { Transform } from './transform';

const random: Record<string, () => Transform> = {
  randomHorizontalFlip: () => randomHorizontalFlip(),
  randomVerticalFlip: () => randomVerticalFlip(),
  randomRotation: () => randomRotation({ degrees: 30 }),
  randomTranslation: () => randomTranslation({ heightFactor: 0.2, widthFactor: 0.2 }),
  randomCrop: () => randomCrop({ size: 6, padding: 2 }),
  randomZoom: () => randomZoom({ factor: 0.3 }),
  randomBrightness: () => randomBrightness({ delta: 0.2 }),
  randomContrast: () => randomContrast({ factor: 0.5 }),
  gaussianNoise: () => gaussianNoise({ std: 0.1 }),
  cutout: () => cutout({ size: 3 }),
  randomErasing: () => randomErasing(),
  mixup: () => mixup({ alpha: 0.5, numClasses: 4 }),
  cutmix: () => cutmix({ alpha: 1, numClasses: 4 }),
  compose: () => compose([randomHorizontalFlip(), { transform: randomRotation({ degrees: 20 }), p: 0.5 }]),
};

/** The same transforms at magnitude 0. */
const zero: Record<string, () => Transform> = {
  randomHorizontalFlip: () => randomHorizontalFlip({ p: 0 }),
  randomVerticalFlip: () => randomVerticalFlip({ p: 0 }),
  randomRotation: () => randomRotation({ degrees: 0 }),
  randomTranslation: () => randomTranslation({ heightFactor: 0, widthFactor: 0 }),
  randomCrop: () => randomCrop({ padding: 0 }),
  randomZoom: () => randomZoom({ factor: 0 }),
  randomBrightness: () => randomBrightness({ delta: 0 }),
  randomContrast: () => randomContrast({ factor: 0 }),
  gaussianNoise: () => gaussianNoise({ std: 0 }),
  cutout: () => cutout({ size: 0 }),
  randomErasing: () => randomErasing({ scale: [0, 0] }),
  mixup: () => mixup({ alpha: 0, numClasses: 4 }),
  cutmix: () => cutmix({ alpha: 0, numClasses: 4 }),
  compose: () =>
    compose([randomHorizontalFlip({ p: 0 }), { transform: randomRotation({ degrees: 0 }), p: 0.5 }]),
};

function run(t: Transform, seed: number): { images: number[]; labels?: number[] } {
  const rt = cpuRuntime(0);
  const images = randomImages(rt, [8, 6, 6, 2], 3);
  const labels = rt.tensor(
    Int32Array.from({ length: 8 }, (_, i) => i % 4),
    [8],
    'int32',
  );
  rt.seed(seed);
  const out = t.usesLabels ? t.apply({ images, labels }) : { images: t.apply(images) as Tensor };
  return {
    images: Array.from(out.images.dataSync()),
    labels: out.labels && Array.from(out.labels.dataSync()),
  };
}

describe('every random transform is seeded by the runtime', () => {
  it('covers every random factory', () => {
    const randomNames = Object.entries(transformFactories)
      .filter(([name]) => !['normalize', 'resize', 'centerCrop'].includes(name))
      .map(([name]) => name);
    expect(
      Object.keys(random)
        .filter((n) => n !== 'compose')
        .sort(),
    ).toEqual(randomNames.sort());
  });

  for (const [name, make] of Object.entries(random)) {
    it(`${name}: same seed → identical batch; different seed → different; magnitude 0 → identity`, () => {
      const t = make();
      const a = run(t, 17);
      expect(run(t, 17)).toEqual(a);
      expect(run(t, 18).images).not.toEqual(a.images);
      const identity = run(zero[name]!(), 17);
      const rt = cpuRuntime(0);
      expect(identity.images).toEqual(Array.from(randomImages(rt, [8, 6, 6, 2], 3).dataSync()));
      if (identity.labels)
        expect(identity.labels).toEqual(
          [...Array(8)].flatMap((_, i) => [0, 1, 2, 3].map((k) => (k === i % 4 ? 1 : 0))),
        );
    });
  }
});

describe('transforms free what they make', () => {
  for (const [name, make] of Object.entries(random)) {
    it(`${name}: only its outputs stay alive`, () => {
      const rt = cpuRuntime(1);
      const images = randomImages(rt, [8, 6, 6, 2], 3);
      const labels = rt.tensor(
        Int32Array.from({ length: 8 }, (_, i) => i % 4),
        [8],
        'int32',
      );
      const before = rt.memory().numTensors;
      const t = make();
      const out = t.usesLabels ? t.apply({ images, labels }) : { images: t.apply(images) as Tensor };
      const made = [out.images, out.labels].filter((x) => x && x !== images && x !== labels).length;
      expect(rt.memory().numTensors).toBe(before + made);
    });
  }
});
