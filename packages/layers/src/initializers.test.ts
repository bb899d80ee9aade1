import { InvalidArgumentError, matmul, reshape, type Tensor, UnknownPluginError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { builtinInitializers } from './initializers/builtin-initializers';
import { Constant } from './initializers/constant';
import { GlorotNormal } from './initializers/glorot-normal';
import { GlorotUniform } from './initializers/glorot-uniform';
import { HeNormal } from './initializers/he-normal';
import { HeUniform } from './initializers/he-uniform';
import { resolveInitializer, serializeInitializer } from './initializers/initializer';
import { LecunNormal } from './initializers/lecun-normal';
import { LecunUniform } from './initializers/lecun-uniform';
import { Orthogonal } from './initializers/orthogonal';
import { RandomNormal } from './initializers/random-normal';
import { RandomUniform } from './initializers/random-uniform';
import { TruncatedNormal } from './initializers/truncated-normal';
import { computeFans, VarianceScaling } from './initializers/variance-scaling';
import { Dense } from './layers/dense';
import { runtime } from './test-utils/fixtures';

const rt = runtime(11);

function stats(t: Tensor) {
  const v = t.dataSync();
  let s = 0;
  let s2 = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of v) {
    s += x;
    s2 += x * x;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const mean = s / v.length;
  return { mean, std: Math.sqrt(s2 / v.length - mean * mean), lo, hi };
}

describe('initializers', () => {
  it('computes fans like Keras', () => {
    expect(computeFans([])).toEqual({ fanIn: 1, fanOut: 1 });
    expect(computeFans([7])).toEqual({ fanIn: 7, fanOut: 7 });
    expect(computeFans([784, 128])).toEqual({ fanIn: 784, fanOut: 128 });
    expect(computeFans([3, 3, 4, 8])).toEqual({ fanIn: 36, fanOut: 72 });
  });

  // [200, 300]: fanIn 200, fanOut 300; 60 000 draws pin the std to well under 2%.
  const shape = [200, 300];
  const cases: [string, () => { init: (r: typeof rt, s: number[]) => Tensor }, number, number][] = [
    // name, initializer, expected std, bound
    ['GlorotUniform', () => new GlorotUniform(), Math.sqrt(2 / 500), Math.sqrt(6 / 500)],
    [
      'GlorotNormal',
      () => new GlorotNormal(),
      Math.sqrt(2 / 500),
      (2 * Math.sqrt(2 / 500)) / 0.8796256610342398,
    ],
    ['HeUniform', () => new HeUniform(), Math.sqrt(2 / 200), Math.sqrt(6 / 200)],
    ['HeNormal', () => new HeNormal(), Math.sqrt(2 / 200), (2 * Math.sqrt(2 / 200)) / 0.8796256610342398],
    ['LecunUniform', () => new LecunUniform(), Math.sqrt(1 / 200), Math.sqrt(3 / 200)],
    [
      'LecunNormal',
      () => new LecunNormal(),
      Math.sqrt(1 / 200),
      (2 * Math.sqrt(1 / 200)) / 0.8796256610342398,
    ],
    ['RandomUniform', () => new RandomUniform(), 0.05 / Math.sqrt(3), 0.05],
    ['RandomNormal', () => new RandomNormal({ mean: 0, std: 0.05 }), 0.05, Number.POSITIVE_INFINITY],
    ['TruncatedNormal', () => new TruncatedNormal(), 0.05 * 0.8796256610342398, 0.1],
    [
      'VarianceScaling untruncated',
      () => new VarianceScaling({ scale: 3, mode: 'fanOut', distribution: 'untruncatedNormal' }),
      0.1,
      Number.POSITIVE_INFINITY,
    ],
  ];
  it.each(cases)('%s has the variance and range Keras gives it', (_, make, std, bound) => {
    const t = make().init(rt, shape);
    const s = stats(t);
    expect(Math.abs(s.mean)).toBeLessThan(std * 0.02);
    expect(s.std / std).toBeGreaterThan(0.98);
    expect(s.std / std).toBeLessThan(1.02);
    expect(Math.max(-s.lo, s.hi)).toBeLessThanOrEqual(bound * (1 + 1e-6));
  });

  it('draws from the runtime RNG: the same seed gives the same weights, on any runtime', () => {
    const a = runtime(5);
    const b = runtime(5);
    const x = new HeNormal().init(a, [4, 4]).dataSync();
    expect(Array.from(new HeNormal().init(b, [4, 4]).dataSync())).toEqual(Array.from(x));
    expect(Array.from(new HeNormal().init(a, [4, 4]).dataSync())).not.toEqual(Array.from(x));
  });

  it('constants', () => {
    expect(Array.from(new Constant({ value: 0.25 }).init(rt, [3]).dataSync())).toEqual([0.25, 0.25, 0.25]);
    expect(Array.from(builtinInitializers.zeros!().init(rt, [2]).dataSync())).toEqual([0, 0]);
    expect(Array.from(builtinInitializers.ones!().init(rt, [2]).dataSync())).toEqual([1, 1]);
  });

  it.each([
    [[6, 4], 1],
    [[4, 6], 1],
    [[3, 3, 2, 4], 1],
    [[5, 5], 2],
  ])('Orthogonal %j (gain %d) has orthonormal rows or columns', (s, gain) => {
    const w = new Orthogonal({ gain }).init(rt, s);
    expect(w.shape).toEqual(s);
    const cols = s[s.length - 1]!;
    const m = reshape(w, [w.size / cols, cols]);
    const tall = m.shape[0]! >= m.shape[1]!;
    const gram = (
      tall ? matmul(m, m, { transposeA: true }) : matmul(m, m, { transposeB: true })
    ).arraySync() as number[][];
    for (const [i, row] of gram.entries())
      for (const [j, v] of row.entries()) expect(v).toBeCloseTo(i === j ? gain * gain : 0, 5);
  });

  it('resolves by name, by {className, config} and by object; registered entries win', () => {
    expect(resolveInitializer(rt, 'heNormal')).toBeInstanceOf(HeNormal);
    expect(resolveInitializer(rt, 'uniform')).toBeInstanceOf(RandomUniform);
    const c = resolveInitializer(rt, { className: 'constant', config: { value: 3 } });
    expect(Array.from(c.init(rt, [1]).dataSync())).toEqual([3]);
    const o = new Orthogonal({ gain: 2 });
    expect(resolveInitializer(rt, o)).toBe(o);
    expect(serializeInitializer(o)).toEqual({ className: 'orthogonal', config: { gain: 2 } });
    expect(serializeInitializer(new HeNormal())).toEqual({ className: 'heNormal', config: {} });
    expect(() => resolveInitializer(rt, 'xavier')).toThrow(UnknownPluginError);
    expect(() => resolveInitializer(rt, 'xavier')).toThrow(/Unknown initializer "xavier".*@descent\/layers/);
    expect(() => new RandomUniform({ min: 1, max: 0 })).toThrow(InvalidArgumentError);
    expect(() => new VarianceScaling({ mode: 'fanMiddle' as never })).toThrow(
      /mode must be one of 'fanIn', 'fanOut', 'fanAvg'/,
    );
    expect(() => new Orthogonal().init(rt, [3])).toThrow(/rank >= 2/);
  });

  it('a custom initializer that makes the wrong shape is caught when the layer builds', () => {
    const bad = { className: 'bad', getConfig: () => ({}), init: () => rt.tensor([1]) };
    expect(() => new Dense({ units: 2, kernelInitializer: bad }).init(rt, [null, 3])).toThrow(
      /dense\/kernel: the initializer made float32 \[1\], expected float32 \[3,2\]/,
    );
  });

  it('Dense uses glorotUniform kernels and zero biases by default', () => {
    const d = new Dense({ units: 30 }).init(rt, [null, 20]);
    const k = stats(d.params().kernel as Tensor);
    expect(Math.max(-k.lo, k.hi)).toBeLessThanOrEqual(Math.sqrt(6 / 50));
    expect(k.std).toBeGreaterThan(0.1);
    expect(Array.from((d.params().bias as Tensor).dataSync()).every((v) => v === 0)).toBe(true);
  });
});
