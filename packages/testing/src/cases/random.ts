import {
  InvalidArgumentError,
  philoxUniform,
  type RandomUniformAttrs,
  type Runtime,
  randomNormal,
  randomUniform,
  randomUniformBits,
  ShapeError,
  seedToKey,
  type Tensor,
  truncatedNormal,
} from '@descent/core';
import { expect } from 'vitest';
import { type ConformanceCase, custom, error } from '../internal/case';

/** Reads a tensor's values and disposes it. */
async function take(t: Tensor): Promise<Float32Array> {
  try {
    expect(t.dtype).toBe('float32');
    // A float64 reference backend returns doubles; Philox uniforms are float32 values either way.
    const data = await t.data();
    return data instanceof Float32Array ? data : Float32Array.from(data);
  } finally {
    t.dispose();
  }
}

/** Bit-for-bit equality of float32 arrays (so -0 ≠ 0 and NaN payloads count), reporting the first difference. */
function expectBitIdentical(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  const i = a.findIndex((bits, k) => bits !== e[k]);
  if (i >= 0) {
    expect.fail(
      `${what}: element ${i} is ${actual[i]} (0x${a[i]!.toString(16)}), philoxUniform gives ${expected[i]} (0x${e[i]!.toString(16)})`,
    );
  }
}

/** The reference stream: `n` uniforms of the runtime stream at `seed`, starting at block `counter`. */
const reference = (seed: number, counter: number, n: number) =>
  philoxUniform(seedToKey(seed), counter, new Float32Array(n));

/** [seed, shapes drawn in turn]: each draw starts at the block after the previous one (ceil(n/4) blocks). */
const STREAMS: [number, number[][]][] = [
  [0, [[10]]],
  [42, [[3, 5], [7], [0], [4]]],
  // A seed above 2^32 exercises the second key word.
  [2 ** 40 + 5, [[2, 2, 3]]],
];

const streamCases = STREAMS.map(([seed, shapes]) =>
  custom(
    'randomUniform',
    `seed ${seed}: draws ${shapes.map((s) => `[${s}]`).join(', ')} match philoxUniform bit for bit`,
    async ({ rt }) => {
      rt.seed(seed);
      let counter = 0;
      for (const shape of shapes) {
        const n = shape.reduce((a, b) => a * b, 1);
        const t = randomUniformBits(rt, shape);
        expect(t.shape).toEqual(shape);
        expectBitIdentical(await take(t), reference(seed, counter, n), `seed ${seed} draw [${shape}]`);
        counter += Math.ceil(n / 4);
      }
    },
  ),
);

/** The kernel itself at awkward keys and counters: the counter's high word, all-ones key words. */
const KERNEL_ATTRS: [string, RandomUniformAttrs][] = [
  ['counter crossing 2^32 blocks', { shape: [13], key: [7, 9], counter: 2 ** 32 - 2 }],
  ['all-ones key', { shape: [6], key: [0xffffffff, 0xffffffff], counter: 3 }],
  ['key high bit set', { shape: [5], key: [0x80000000, 0x80000001], counter: 2 ** 40 }],
];

const kernelCases = KERNEL_ATTRS.map(([name, a]) =>
  custom('randomUniform', `kernel: ${name}`, async ({ rt }) => {
    const n = a.shape.reduce((x, y) => x * y, 1);
    const t = rt.runOp(randomUniformBits.def, [], a);
    expectBitIdentical(await take(t), philoxUniform(a.key, a.counter, new Float32Array(n)), name);
  }),
);

/**
 * randomUniform(min, max) = u·(max - min) + min. For these ranges every step is exact in float32
 * (u has 24 bits and the results stay within 24 bits), so the values are bit-identical too.
 */
const RANGES: [number, number][] = [
  [0, 1],
  [-1, 1],
  [-3, 5],
];
const rangeCases = RANGES.map(([min, max]) =>
  custom(
    'randomUniform',
    `randomUniform in [${min}, ${max}) is exactly u·${max - min} + ${min}`,
    async ({ rt }) => {
      rt.seed(7);
      const got = await take(randomUniform(rt, [101], { min, max }));
      const u = reference(7, 0, 101);
      expectBitIdentical(
        got,
        Float32Array.from(u, (v) => v * (max - min) + min),
        `[${min}, ${max})`,
      );
      expect(Math.min(...got)).toBeGreaterThanOrEqual(min);
      expect(Math.max(...got)).toBeLessThan(max);
    },
  ),
);

const sameSeedSameNumbers = custom('randomNormal', 'the same seed gives the same numbers', async ({ rt }) => {
  const draw = async (r: Runtime) => {
    r.seed(123);
    return [await take(randomNormal(r, [64])), await take(truncatedNormal(r, [64]))];
  };
  const [n1, t1] = await draw(rt);
  const [n2, t2] = await draw(rt);
  expectBitIdentical(n2!, n1!, 'randomNormal');
  expectBitIdentical(t2!, t1!, 'truncatedNormal');
});

// ---- moments ---------------------------------------------------------------------------------

const N = 1 << 16;
const SQRT_N = Math.sqrt(N);

interface Moments {
  mean: number;
  std: number;
  min: number;
  max: number;
  /** Fraction within one standard deviation (of the untruncated normal) of the mean. */
  within1: number;
}

function moments(x: Float32Array, mean: number, std: number): Moments {
  let s = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let inside = 0;
  for (const v of x) {
    s += v;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
    if (Math.abs(v - mean) <= std) inside++;
  }
  const m = s / x.length;
  let ss = 0;
  for (const v of x) ss += (v - m) ** 2;
  return { mean: m, std: Math.sqrt(ss / (x.length - 1)), min: lo, max: hi, within1: inside / x.length };
}

// Standard normal: φ(2), Φ(2) - Φ(-2) and Φ(1) - Φ(-1).
const PHI2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
const Z2 = 0.9544997361036416;
const Z1 = 0.6826894921370859;

/**
 * Normal truncated to ±2: variance 1 - 2·2·φ(2)/Z (std ≈ 0.8796), fourth moment 3 - (2³ + 3·2)·2φ(2)/Z;
 * P(|z| ≤ 1) = Z1/Z2 ≈ 0.7152.
 */
const TRUNC_VAR = 1 - (4 * PHI2) / Z2;
const TRUNC_M4 = 3 - (14 * 2 * PHI2) / Z2;

/**
 * Tolerances are 5 standard errors of each statistic over N = 65536 samples (a deterministic
 * seed, so no flakiness; 5σ leaves room for rounding differences between backends):
 * mean σ/√N, sample std σ·√((κ - 1)/(4N)) with κ the kurtosis (3 for the normal), and a
 * proportion √(p(1 - p)/N).
 */
function expectMoments(
  got: Moments,
  mean: number,
  std: number,
  kurtosis: number,
  pWithin1: number,
  label: string,
): void {
  const se = {
    mean: std / SQRT_N,
    std: std * Math.sqrt((kurtosis - 1) / (4 * N)),
    within1: Math.sqrt((pWithin1 * (1 - pWithin1)) / N),
  };
  expect(Math.abs(got.mean - mean), `${label}: mean ${got.mean}, expected ${mean}`).toBeLessThan(5 * se.mean);
  expect(Math.abs(got.std - std), `${label}: std ${got.std}, expected ${std}`).toBeLessThan(5 * se.std);
  expect(
    Math.abs(got.within1 - pWithin1),
    `${label}: fraction within one std ${got.within1}, expected ${pWithin1}`,
  ).toBeLessThan(5 * se.within1);
}

const NORMAL: [number, number][] = [
  [0, 1],
  [3, 0.5],
];
const normalCases = NORMAL.map(([mean, std]) =>
  custom(
    'randomNormal',
    `mean ${mean}, std ${std}: sample moments within 5 standard errors`,
    async ({ rt }) => {
      rt.seed(2024);
      const x = await take(randomNormal(rt, [N], { mean, std }));
      const m = moments(x, mean, std);
      expect(Number.isFinite(m.min) && Number.isFinite(m.max), 'all finite').toBe(true);
      expectMoments(m, mean, std, 3, Z1, 'randomNormal');
    },
  ),
);

const truncatedCases = NORMAL.map(([mean, std]) =>
  custom(
    'truncatedNormal',
    `mean ${mean}, std ${std}: within ±2 std, sample std ${Math.sqrt(TRUNC_VAR).toFixed(4)}·std`,
    async ({ rt }) => {
      rt.seed(99);
      const x = await take(truncatedNormal(rt, [N], { mean, std }));
      const m = moments(x, mean, std);
      // float32 rounding of mean ± 2·std may land one ulp outside.
      const slack = 1e-6 * (Math.abs(mean) + 2 * std);
      expect(m.min, 'min').toBeGreaterThanOrEqual(mean - 2 * std - slack);
      expect(m.max, 'max').toBeLessThanOrEqual(mean + 2 * std + slack);
      // within1 counts |x - mean| ≤ std (the untruncated std): P(|z| ≤ 1 | |z| ≤ 2) = Z1/Z2.
      expectMoments(
        m,
        mean,
        Math.sqrt(TRUNC_VAR) * std,
        TRUNC_M4 / TRUNC_VAR ** 2,
        Z1 / Z2,
        'truncatedNormal',
      );
    },
  ),
);

function errors(): ConformanceCase[] {
  return [
    error('randomUniform', 'a negative size', [], (_, rt) => randomUniformBits(rt, [-1]), ShapeError),
    error(
      'randomUniform',
      'min above max',
      [],
      (_, rt) => randomUniform(rt, [2], { min: 1, max: 0 }),
      InvalidArgumentError,
    ),
    error(
      'randomNormal',
      'negative std',
      [],
      (_, rt) => randomNormal(rt, [2], { std: -1 }),
      InvalidArgumentError,
    ),
    error(
      'truncatedNormal',
      'negative std',
      [],
      (_, rt) => truncatedNormal(rt, [2], { std: -1 }),
      InvalidArgumentError,
    ),
  ];
}

/** The random primitive (bit-exact Philox) and the random composites (moments from closed forms). */
export function randomCases(): ConformanceCase[] {
  return [
    ...streamCases,
    ...kernelCases,
    ...rangeCases,
    sameSeedSameNumbers,
    ...normalCases,
    ...truncatedCases,
    ...errors(),
  ];
}
