import { describe, expect, it } from 'vitest';
import { cutout } from './cutout';
import { gaussianNoise } from './gaussian-noise';
import { normalize } from './normalize';
import { randomBrightness } from './random-brightness';
import { randomContrast } from './random-contrast';
import { randomErasing } from './random-erasing';
import { cpuRuntime, randomImages, values } from './test-utils/helpers';

const rt = cpuRuntime(99);
const SHAPE = [12, 5, 6, 3] as const;
const [N, H, W, C] = SHAPE;
const PER = H * W * C;
const x = randomImages(rt, SHAPE, 4);
const xv = values(x);
const sample = (v: number[], b: number) => v.slice(b * PER, (b + 1) * PER);

describe('randomBrightness', () => {
  it('adds one offset per sample, drawn from the range, and clips to valueRange', () => {
    const y = values(randomBrightness({ delta: [0.1, 0.3] }).apply(x));
    const deltas = new Set<string>();
    for (let b = 0; b < N; b++) {
      const d = sample(y, b).map((v, i) => v - xv[b * PER + i]!);
      for (const v of d) expect(v).toBeCloseTo(d[0]!, 6);
      expect(d[0]).toBeGreaterThanOrEqual(0.1 - 1e-6);
      expect(d[0]).toBeLessThan(0.3 + 1e-6);
      deltas.add(d[0]!.toFixed(5));
    }
    expect(deltas.size).toBe(N);
    const clipped = values(randomBrightness({ delta: [0.5, 0.5], valueRange: [0, 1] }).apply(x));
    expect(Math.max(...clipped)).toBe(1);
  });
});

describe('randomContrast', () => {
  it('scales deviations from each per-channel mean by one factor per sample; means are kept', () => {
    const y = values(randomContrast({ factor: [0.5, 1.5] }).apply(x));
    for (let b = 0; b < N; b++) {
      for (let ch = 0; ch < C; ch++) {
        const xs: number[] = [];
        const ys: number[] = [];
        for (let p = 0; p < H * W; p++) {
          xs.push(xv[b * PER + p * C + ch]!);
          ys.push(y[b * PER + p * C + ch]!);
        }
        const mx = xs.reduce((a, v) => a + v) / xs.length;
        const my = ys.reduce((a, v) => a + v) / ys.length;
        expect(my).toBeCloseTo(mx, 5);
        let [sxy, sxx] = [0, 0];
        for (let p = 0; p < xs.length; p++) {
          sxy += (ys[p]! - my) * (xs[p]! - mx);
          sxx += (xs[p]! - mx) ** 2;
        }
        const k = sxy / sxx;
        expect(k).toBeGreaterThanOrEqual(0.5 - 1e-4);
        expect(k).toBeLessThan(1.5 + 1e-4);
        for (let p = 0; p < xs.length; p++) expect(ys[p]! - my).toBeCloseTo(k * (xs[p]! - mx), 4);
      }
    }
  });
});

describe('gaussianNoise', () => {
  it('adds zero-mean noise with the requested standard deviation', () => {
    const big = rt.tensor(new Float32Array(4 * 32 * 32 * 3), [4, 32, 32, 3]);
    const y = values(gaussianNoise({ std: 0.5 }).apply(big));
    const mean = y.reduce((a, v) => a + v) / y.length;
    const std = Math.sqrt(y.reduce((a, v) => a + (v - mean) ** 2, 0) / y.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(std).toBeGreaterThan(0.48);
    expect(std).toBeLessThan(0.52);
  });

  it('draws a standard deviation per sample from a range', () => {
    const big = rt.tensor(new Float32Array(6 * 32 * 32), [6, 32, 32, 1]);
    const y = values(gaussianNoise({ std: [0, 1] }).apply(big));
    const stds = Array.from({ length: 6 }, (_, b) => {
      const s = y.slice(b * 1024, (b + 1) * 1024);
      return Math.sqrt(s.reduce((a, v) => a + v * v, 0) / s.length);
    });
    expect(Math.max(...stds) - Math.min(...stds)).toBeGreaterThan(0.2);
  });
});

describe('cutout and randomErasing', () => {
  it('cutout sets one clipped box per sample to the value and leaves the rest', () => {
    const y = values(cutout({ size: [2, 3], value: -1 }).apply(x));
    for (let b = 0; b < N; b++) {
      const rows = new Set<number>();
      const cols = new Set<number>();
      let holes = 0;
      for (let r = 0; r < H; r++)
        for (let c = 0; c < W; c++) {
          const at = b * PER + (r * W + c) * C;
          if (y[at] === -1) {
            holes++;
            rows.add(r);
            cols.add(c);
            for (let ch = 0; ch < C; ch++) expect(y[at + ch]).toBe(-1);
          } else for (let ch = 0; ch < C; ch++) expect(y[at + ch]).toBe(xv[at + ch]);
        }
      expect(holes).toBe(rows.size * cols.size);
      expect(rows.size).toBeLessThanOrEqual(2);
      expect(cols.size).toBeLessThanOrEqual(3);
      expect(holes).toBeGreaterThan(0);
    }
  });

  it('randomErasing erases a box whose area fraction lies in scale', () => {
    const big = randomImages(rt, [10, 20, 20, 1], 8);
    const y = values(randomErasing({ scale: [0.1, 0.2], ratio: [0.5, 2], value: 5 }).apply(big));
    for (let b = 0; b < 10; b++) {
      const area = y.slice(b * 400, (b + 1) * 400).filter((v) => v === 5).length / 400;
      // Rounding the box sides to whole pixels moves the area a little.
      expect(area).toBeGreaterThan(0.06);
      expect(area).toBeLessThan(0.26);
    }
  });
});

describe('normalize', () => {
  it('computes (x - mean) / std per channel, at evaluation too', () => {
    const mean = [0.1, 0.2, 0.3];
    const std = [0.5, 0.25, 2];
    const y = values(normalize({ mean, std }).apply(x, { training: false }));
    for (let i = 0; i < xv.length; i++) expect(y[i]).toBeCloseTo((xv[i]! - mean[i % 3]!) / std[i % 3]!, 5);
  });
});
