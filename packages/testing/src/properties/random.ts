import {
  philoxUniform,
  randomNormal,
  randomUniform,
  randomUniformBits,
  truncatedNormal,
} from '@descent/core';
import { erfRef } from './elementwise';
import { type Expected, fc, type OpProperty, property, shapeArb, size } from './property';

interface RandomCase {
  key: [number, number];
  /** Block counter, up to 2^40 so the high counter word is exercised. */
  counter: number;
  shape: number[];
  a: number;
  b: number;
}
const randomArb: fc.Arbitrary<RandomCase> = fc.record({
  key: fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff })),
  counter: fc.oneof(fc.nat({ max: 1000 }), fc.nat({ max: 2 ** 40 }), fc.constant(0xffffffff)),
  shape: shapeArb(0, 3, fc.integer({ min: 0, max: 6 })),
  a: fc.double({ min: -10, max: 10, noNaN: true }),
  b: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 5, noNaN: true })),
});

/**
 * The uniform stream is defined bit-exactly by core's `philoxUniform` (itself checked against
 * the Random123 known answers), the specification every backend's kernel reproduces.
 */
const uniforms = (c: RandomCase, draw = 0): number[] => {
  const n = size(c.shape);
  return Array.from(philoxUniform(c.key, c.counter + draw * Math.ceil(n / 4), new Float64Array(n)));
};

/** erf⁻¹ by Newton's method on the series erf (float64). */
function erfinvRef(y: number): number {
  let x = 0;
  for (let i = 0; i < 100; i++) {
    const step = (erfRef(x) - y) / ((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x));
    x -= step;
    if (Math.abs(step) < 1e-15) break;
  }
  return x;
}

const out = (c: RandomCase, data: number[], slack: number): Expected => ({
  dtype: 'float32',
  shape: c.shape,
  data,
  slack: data.map(() => slack),
});

/** randomUniform (primitive and composite), randomNormal, truncatedNormal against the stream. */
export function randomProperties(): OpProperty[] {
  return [
    property<RandomCase>({
      op: 'randomUniform',
      label: 'primitive bits',
      arb: randomArb,
      run: (rt, c) => {
        rt.setRngState(c);
        return randomUniformBits(rt, c.shape);
      },
      ref: (c) => ({ dtype: 'float32', shape: c.shape, data: uniforms(c) }),
    }),
    property<RandomCase>({
      op: 'randomUniform',
      label: 'composite [min, max)',
      arb: randomArb,
      run: (rt, c) => {
        rt.setRngState(c);
        return randomUniform(rt, c.shape, { min: c.a, max: c.a + c.b });
      },
      ref: (c) =>
        out(
          c,
          uniforms(c).map((u) => u * c.b + c.a),
          4e-7 * (Math.abs(c.a) + c.b),
        ),
    }),
    property<RandomCase>({
      op: 'randomNormal',
      arb: randomArb,
      run: (rt, c) => {
        rt.setRngState(c);
        return randomNormal(rt, c.shape, { mean: c.a, std: c.b });
      },
      ref: (c) => {
        const u1 = uniforms(c, 0);
        const u2 = uniforms(c, 1);
        const data = u1.map(
          (u, i) => Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * u2[i]!) * c.b + c.a,
        );
        return out(c, data, 2e-5 * c.b + 1e-6 * Math.abs(c.a));
      },
    }),
    property<RandomCase>({
      op: 'truncatedNormal',
      arb: randomArb,
      run: (rt, c) => {
        rt.setRngState(c);
        return truncatedNormal(rt, c.shape, { mean: c.a, std: c.b });
      },
      ref: (c) => {
        // Φ(-2) + u·(Φ(2) - Φ(-2)) mapped through the normal quantile: one draw per value, within ±2σ.
        const lo = 0.5 * (1 + erfRef(-Math.SQRT2));
        const range = 0.5 * (1 + erfRef(Math.SQRT2)) - lo;
        const data = uniforms(c).map((u) => Math.SQRT2 * erfinvRef(2 * (lo + u * range) - 1) * c.b + c.a);
        return out(c, data, 2e-5 * c.b + 1e-6 * Math.abs(c.a));
      },
    }),
  ];
}
