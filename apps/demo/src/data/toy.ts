import { philoxUniform, type Runtime } from '@descent/core';

export type ToyName = 'spiral' | 'moons' | 'circles' | 'xor';
export const TOY_SETS: readonly ToyName[] = ['spiral', 'moons', 'circles', 'xor'];

/** Points in [-1, 1]² with a class each (0 or 1), row-major `[count, 2]`. */
export interface PointSet {
  readonly x: Float32Array;
  readonly labels: Int32Array;
  readonly count: number;
}

/**
 * Host-side draws from the runtime's Philox stream: the numbers `randomUniform(rt, [n])` would
 * give, without creating a tensor. So a seed fixes the data set as it fixes the weights.
 */
function uniforms(rt: Runtime, n: number): () => number {
  const { key, counter } = rt.drawRandom(n);
  const u = philoxUniform(key, counter, new Float64Array(n));
  let i = 0;
  return () => u[i++]!;
}

/** A standard normal from two uniforms (Box–Muller). */
function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

type Sampler = (u: () => number, cls: number) => [number, number];

const SAMPLERS: Record<ToyName, Sampler> = {
  // Two interleaved arms, 1.75 turns each.
  spiral: (u, cls) => {
    const t = u();
    const r = 0.08 + 0.9 * t;
    const angle = t * 1.75 * 2 * Math.PI + cls * Math.PI;
    return [r * Math.cos(angle) + 0.03 * normal(u), r * Math.sin(angle) + 0.03 * normal(u)];
  },
  // scikit-learn's make_moons, scaled into the square.
  moons: (u, cls) => {
    const t = Math.PI * u();
    const [x, y] = cls === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    return [(x - 0.5) / 1.6 + 0.06 * normal(u), (y - 0.25) / 1.6 + 0.06 * normal(u)];
  },
  // A disc inside a ring.
  circles: (u, cls) => {
    const angle = 2 * Math.PI * u();
    const r = (cls === 1 ? 0.35 : 0.8) + 0.06 * normal(u);
    return [r * Math.cos(angle), r * Math.sin(angle)];
  },
  // Quadrants: class 1 where x and y have the same sign.
  xor: (u, cls) => {
    const a = 0.05 + 0.9 * u();
    const b = 0.05 + 0.9 * u();
    const flip = u() < 0.5 ? 1 : -1;
    return cls === 1 ? [flip * a, flip * b] : [flip * a, -flip * b];
  },
};

/** `count` points of `name`, half of each class, in a seeded random order. */
export function makeToySet(rt: Runtime, name: ToyName, count: number): PointSet {
  // Generous: every sampler draws at most 6 uniforms per point, plus the shuffle.
  const u = uniforms(rt, count * 8);
  const x = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  const order = rt.shuffle(count);
  for (let i = 0; i < count; i++) {
    const cls = i % 2;
    const [px, py] = SAMPLERS[name](u, cls);
    const at = order[i]!;
    x[2 * at] = Math.max(-1, Math.min(1, px));
    x[2 * at + 1] = Math.max(-1, Math.min(1, py));
    labels[at] = cls;
  }
  return { x, labels, count };
}
