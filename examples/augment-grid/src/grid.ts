import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  augment,
  centerCrop,
  compose,
  cutmix,
  cutout,
  gaussianNoise,
  mixup,
  normalize,
  randomBrightness,
  randomContrast,
  randomCrop,
  randomErasing,
  randomHorizontalFlip,
  randomRotation,
  randomTranslation,
  randomVerticalFlip,
  randomZoom,
  resize,
  type Transform,
} from '@descent/augment';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime } from '@descent/core';
import { PNG } from 'pngjs';
import { loadDigits } from './mnist';

/** The rows of the grid: a name and the transform it shows (null: the digits as they are). */
export const rows: readonly (readonly [string, Transform | null])[] = [
  ['original', null],
  ['randomHorizontalFlip p=0.5', randomHorizontalFlip()],
  ['randomVerticalFlip p=0.5', randomVerticalFlip()],
  ['randomRotation ±30°', randomRotation({ degrees: 30 })],
  ['randomRotation 90° nearest', randomRotation({ degrees: [90, 90], interpolation: 'nearest' })],
  ['randomTranslation ±15%', randomTranslation({ heightFactor: 0.15, widthFactor: 0.15 })],
  [
    'randomTranslation ±25% wrap',
    randomTranslation({ heightFactor: 0.25, widthFactor: 0.25, fillMode: 'wrap' }),
  ],
  ['randomCrop 28, padding 4', randomCrop({ size: 28, padding: 4 })],
  ['centerCrop 18 → resize 28', compose([centerCrop({ size: 18 }), resize({ size: 28 })])],
  ['randomZoom ±30%', randomZoom({ factor: 0.3 })],
  ['randomZoom -40% reflect', randomZoom({ factor: [-0.4, -0.4], fillMode: 'reflect' })],
  ['randomBrightness ±0.4', randomBrightness({ delta: 0.4, valueRange: [0, 1] })],
  ['randomContrast ±0.6', randomContrast({ factor: 0.6 })],
  ['gaussianNoise std 0.2', gaussianNoise({ std: 0.2 })],
  ['cutout 10×10', cutout({ size: 10 })],
  ['randomErasing', randomErasing()],
  ['mixup α=1', mixup({ alpha: 1, numClasses: 10 })],
  ['cutmix α=1', cutmix({ alpha: 1, numClasses: 10 })],
  [
    'resize 10 → resize 28 nearest',
    compose([resize({ size: 10 }), resize({ size: 28, interpolation: 'nearest' })]),
  ],
  ['normalize (shown rescaled)', normalize({ mean: 0.1307, std: 0.3081 })],
  [
    'compose: rotate, crop, erase',
    compose([
      { transform: randomRotation({ degrees: 20 }), p: 0.8 },
      randomCrop({ size: 28, padding: 3 }),
      { transform: randomErasing({ scale: [0.05, 0.15] }), p: 0.5 },
    ]),
  ],
];

export interface GridOptions {
  /** Digits per row; default 12. */
  columns?: number;
  /** Pixels per digit pixel; default 2. */
  scale?: number;
  /** Seed of the runtime RNG; default 7. */
  seed?: number;
}

export interface GridResult {
  path: string;
  width: number;
  height: number;
  /** The row names, top to bottom. */
  rows: string[];
}

const GAP = 4;
const SIZE = 28;

/** Writes `augment-grid.png` into `outDir`: one row per transform over the first test digits. */
export function writeGrid(outDir: string, options: GridOptions = {}): GridResult {
  const { columns = 12, scale = 2, seed = 7 } = options;
  const rt = createRuntime({ plugins: [cpuBackend(), augment()], seed });
  const { pixels, labels } = loadDigits(columns);
  const cell = SIZE * scale;
  const width = columns * (cell + GAP) + GAP;
  const height = rows.length * (cell + GAP) + GAP;
  const png = new PNG({ width, height, colorType: 2 });
  png.data.fill(0);
  // A dark blue background makes the black digit backgrounds and their borders visible.
  for (let p = 0; p < width * height; p++) png.data.set([40, 48, 96, 255], 4 * p);

  rows.forEach(([, transform], row) => {
    const shown = rt.tidy(() => {
      const images = rt.tensor(pixels, [columns, SIZE, SIZE, 1]);
      if (!transform) return images;
      const y = rt.tensor(labels, [columns], 'int32');
      return transform.usesLabels ? transform.apply({ images, labels: y }).images : transform.apply(images);
    });
    const values = Float32Array.from(shown.dataSync());
    shown.dispose();
    // Rows whose values leave [0, 1] (normalize) are rescaled to their own range to be seen.
    let [lo, hi] = [0, 1];
    const min = values.reduce((a, v) => Math.min(a, v), Infinity);
    const max = values.reduce((a, v) => Math.max(a, v), -Infinity);
    if (min < -0.01 || max > 1.01) [lo, hi] = [min, max];
    for (let col = 0; col < columns; col++) {
      const x0 = GAP + col * (cell + GAP);
      const y0 = GAP + row * (cell + GAP);
      for (let r = 0; r < cell; r++) {
        for (let c = 0; c < cell; c++) {
          const v = values[col * SIZE * SIZE + Math.floor(r / scale) * SIZE + Math.floor(c / scale)]!;
          const g = Math.round(255 * Math.min(1, Math.max(0, (v - lo) / (hi - lo))));
          png.data.set([g, g, g, 255], 4 * ((y0 + r) * width + x0 + c));
        }
      }
    }
  });

  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, 'augment-grid.png');
  writeFileSync(path, PNG.sync.write(png, { colorType: 2 }));
  return { path, width, height, rows: rows.map(([name]) => name) };
}
