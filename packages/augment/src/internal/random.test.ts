import { randomUniform } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime } from '../test-utils/helpers';
import { HostRandom, uniforms } from './random';

describe('host-side draws', () => {
  it('are exactly the numbers randomUniform gives, and advance the stream the same way', () => {
    const [a, b] = [cpuRuntime(77), cpuRuntime(77)];
    expect(Array.from(uniforms(a, 10))).toEqual(Array.from(randomUniform(b, [10]).dataSync()));
    expect(Array.from(uniforms(a, 3))).toEqual(Array.from(randomUniform(b, [3]).dataSync()));
  });

  it('Beta(a, b) has mean a / (a + b) and stays in [0, 1]', () => {
    const rng = new HostRandom(cpuRuntime(5));
    for (const [p, q] of [
      [0.2, 0.2],
      [1, 1],
      [2, 5],
    ] as const) {
      const xs = Array.from({ length: 4000 }, () => rng.beta(p, q));
      expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
      const mean = xs.reduce((s, x) => s + x) / xs.length;
      expect(Math.abs(mean - p / (p + q))).toBeLessThan(0.02);
      const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
      const expected = (p * q) / ((p + q) ** 2 * (p + q + 1));
      expect(Math.abs(variance - expected) / expected).toBeLessThan(0.1);
    }
  });
});
