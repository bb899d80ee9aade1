import { describe, expect, it } from 'vitest';
import { centerCrop } from './center-crop';
import { randomCrop } from './random-crop';
import { randomHorizontalFlip } from './random-horizontal-flip';
import { randomRotation } from './random-rotation';
import { randomTranslation } from './random-translation';
import { randomVerticalFlip } from './random-vertical-flip';
import { randomZoom } from './random-zoom';
import { resize } from './resize';
import { codedImages, cpuRuntime, pixel, values } from './test-utils/helpers';

const rt = cpuRuntime(123);
const SHAPE = [16, 6, 7, 2] as const;
const [N, H, W, C] = SHAPE;
const x = codedImages(rt, SHAPE);
const xv = values(x);

/** Sample b of `y` equals sample b of `x` moved by (dx, dy), zeros where uncovered. */
function isShift(
  y: number[],
  yShape: readonly number[],
  b: number,
  dx: number,
  dy: number,
  fill = 0,
): boolean {
  const [, h, w, c] = yShape as [number, number, number, number];
  for (let r = 0; r < h; r++)
    for (let col = 0; col < w; col++)
      for (let ch = 0; ch < c; ch++) {
        const [sr, sc] = [r - dy, col - dx];
        const want = sr >= 0 && sr < H && sc >= 0 && sc < W ? pixel(xv, SHAPE, b, sr, sc, ch) : fill;
        if (pixel(y, yShape, b, r, col, ch) !== want) return false;
      }
  return true;
}

describe('flips', () => {
  it('randomHorizontalFlip mirrors exactly the samples it draws, about half of them', () => {
    const y = values(randomHorizontalFlip().apply(x));
    let flipped = 0;
    for (let b = 0; b < N; b++) {
      const same = isShift(y, SHAPE, b, 0, 0);
      let mirrored = true;
      for (let r = 0; r < H; r++)
        for (let c = 0; c < W; c++)
          for (let ch = 0; ch < C; ch++)
            mirrored &&= pixel(y, SHAPE, b, r, c, ch) === pixel(xv, SHAPE, b, r, W - 1 - c, ch);
      expect(same !== mirrored, `sample ${b}`).toBe(true);
      if (mirrored) flipped++;
    }
    expect(flipped).toBeGreaterThan(2);
    expect(flipped).toBeLessThan(14);
  });

  it('randomVerticalFlip with p = 1 mirrors every row order; p = 0 is the identity', () => {
    const y = values(randomVerticalFlip({ p: 1 }).apply(x));
    for (let b = 0; b < N; b++)
      for (let r = 0; r < H; r++)
        for (let c = 0; c < W; c++)
          expect(pixel(y, SHAPE, b, r, c, 1)).toBe(pixel(xv, SHAPE, b, H - 1 - r, c, 1));
    expect(values(randomVerticalFlip({ p: 0 }).apply(x))).toEqual(xv);
  });
});

describe('translations and crops copy pixels exactly', () => {
  it('randomTranslation moves each sample by a whole-pixel offset within the range', () => {
    const y = values(randomTranslation({ heightFactor: 0.34, widthFactor: 0.3 }).apply(x));
    const seen = new Set<string>();
    for (let b = 0; b < N; b++) {
      const found: string[] = [];
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) if (isShift(y, SHAPE, b, dx, dy)) found.push(`${dx},${dy}`);
      expect(found.length, `sample ${b} is one exact shift`).toBe(1);
      seen.add(found[0]!);
    }
    expect(seen.size).toBeGreaterThan(4);
  });

  it('randomCrop with padding cuts a window of the zero-padded image', () => {
    const y = randomCrop({ size: [4, 5], padding: 2 }).apply(x);
    expect(y.shape).toEqual([N, 4, 5, C]);
    const yv = values(y);
    const offsets = new Set<string>();
    for (let b = 0; b < N; b++) {
      const found: string[] = [];
      // Output [r, c] reads padded [r + oy, c + ox] = input [r + oy - 2, c + ox - 2].
      for (let oy = 0; oy <= 6 + 4 - 4; oy++)
        for (let ox = 0; ox <= 7 + 4 - 5; ox++)
          if (isShift(yv, y.shape, b, 2 - ox, 2 - oy)) found.push(`${ox},${oy}`);
      expect(found.length, `sample ${b}`).toBe(1);
      offsets.add(found[0]!);
    }
    expect(offsets.size).toBeGreaterThan(5);
  });

  it("centerCrop takes torchvision's offsets: round((h - ch) / 2), ties to even; pads when larger", () => {
    const a = centerCrop({ size: [3, 4] }).apply(x); // top round(1.5) = 2, left round(1.5) = 2
    expect(a.shape).toEqual([N, 3, 4, C]);
    expect(isShift(values(a), a.shape, 3, -2, -2)).toBe(true);
    const b = centerCrop({ size: [5, 2] }).apply(x); // top round(0.5) = 0, left round(2.5) = 2
    expect(isShift(values(b), b.shape, 0, -2, 0)).toBe(true);
    const c = centerCrop({ size: [9, 8] }).apply(x); // pads 1 above (⌊3/2⌋), 0 left (⌊1/2⌋)
    expect(isShift(values(c), c.shape, 5, 0, 1)).toBe(true);
  });
});

describe('magnitude 0 is the identity, exactly', () => {
  const cases = {
    randomRotation: randomRotation({ degrees: 0 }),
    randomTranslation: randomTranslation({ heightFactor: 0, widthFactor: 0, subpixel: true }),
    randomZoom: randomZoom({ factor: 0 }),
    randomCrop: randomCrop({ padding: 0 }),
    resize: resize({ size: [H, W] }),
    centerCrop: centerCrop({ size: [H, W] }),
  };
  for (const [name, t] of Object.entries(cases)) {
    it(name, () => expect(values(t.apply(x))).toEqual(xv));
  }
});

describe('rotation and zoom sample the drawn parameters', () => {
  it('randomRotation over [-180, 180] gives different images per sample; each keeps the centre pixel', () => {
    const odd = codedImages(rt, [8, 5, 5, 1]);
    const y = values(randomRotation({ degrees: 180, interpolation: 'nearest' }).apply(odd));
    const ov = values(odd);
    const samples = Array.from({ length: 8 }, (_, b) => y.slice(b * 25, b * 25 + 25).map((v) => v - b * 25));
    expect(new Set(samples.map((s) => s.join())).size).toBeGreaterThan(4);
    for (let b = 0; b < 8; b++) expect(y[b * 25 + 12]).toBe(ov[b * 25 + 12]);
  });

  it('randomZoom with widthFactor zooms the axes independently', () => {
    const y = randomZoom({ factor: [0, 0], widthFactor: [1, 1], interpolation: 'nearest' }).apply(x);
    // Width doubled about the centre column 3: output column c reads input 3 + (c - 3) / 2.
    const yv = values(y);
    for (let c = 0; c < W; c++)
      expect(pixel(yv, SHAPE, 0, 2, c)).toBe(pixel(xv, SHAPE, 0, 2, Math.floor(3 + (c - 3) / 2 + 0.5)));
  });
});
