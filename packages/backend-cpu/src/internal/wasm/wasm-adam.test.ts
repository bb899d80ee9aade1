import { adamUpdate, createRuntime, type Runtime } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../../cpu-backend-plugin';

const MIN_NORMAL = 2 ** -126;
const attrs = {
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  biasCorrection1: 1,
  biasCorrection2Sqrt: 1,
  amsgrad: false,
};

/** mu', nu' of one Adam step from zero gradients, on 2,048 resident values (past the WASM threshold). */
function decay(rt: Runtime, mu: number, nu: number): { mu: number[]; nu: number[] } {
  const n = 2048;
  return rt.tidy(() => {
    const r = adamUpdate(
      rt.tensor(new Float32Array(n), [n]),
      rt.tensor(new Float32Array(n).fill(mu), [n]),
      rt.tensor(new Float32Array(n).fill(nu), [n]),
      attrs,
    );
    return { mu: [...new Set(r.mu.dataSync())], nu: [...new Set(r.nu.dataSync())] };
  });
}

describe("WASM Adam flushes subnormal moments to zero (TensorFlow's CPU setting)", () => {
  const wasm = createRuntime({ plugins: [cpuBackend()] });
  const js = createRuntime({ plugins: [cpuBackend({ kernels: 'js' })] });

  it('a moment decaying below the smallest normal float becomes +0', () => {
    // 0.9 · 1e-38 and 0.999 · 1.1e-38 are subnormal; the JS kernel keeps them exactly.
    expect(decay(wasm, 1e-38, 1.1e-38)).toEqual({ mu: [0], nu: [0] });
    const kept = decay(js, 1e-38, 1.1e-38);
    expect(kept.mu).toEqual([Math.fround(0.9 * Math.fround(1e-38))]);
    expect(kept.mu[0]!).toBeLessThan(MIN_NORMAL);
    expect(Object.is(decay(wasm, -1e-38, 0).mu[0], 0)).toBe(true);
  });

  it('normal moments, infinities and NaN are untouched', () => {
    // 0.9 · 2e-38 is still normal.
    expect(decay(wasm, 2e-38, 1)).toEqual(decay(js, 2e-38, 1));
    expect(decay(wasm, 2e-38, 1).mu[0]!).toBeGreaterThanOrEqual(MIN_NORMAL);
    expect(decay(wasm, Number.NaN, Infinity)).toEqual({ mu: [Number.NaN], nu: [Infinity] });
  });
});
