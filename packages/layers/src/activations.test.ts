import { grad } from '@descent/autograd';
import { InvalidArgumentError, sum, type Tensor, UnknownPluginError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { activationName, builtinActivations, resolveActivation } from './activations/activation-fn';
import { gelu } from './activations/gelu';
import { leakyRelu } from './activations/leaky-relu';
import { Dense } from './layers/dense';
import { runtime } from './test-utils/fixtures';

const rt = runtime();

describe('activations', () => {
  it('every built-in has finite values and gradients at extreme inputs (float32)', () => {
    const x = rt.tensor([-1000, -100, -89, -1, 0, 1, 89, 100, 1000]);
    for (const [name, fn] of Object.entries(builtinActivations)) {
      const y = fn(x).dataSync();
      const g = grad((t: Tensor) => sum(fn(t)))(x).dataSync();
      expect([...y].every(Number.isFinite), `${name} values ${y}`).toBe(true);
      expect([...g].every(Number.isFinite), `${name} gradient ${g}`).toBe(true);
    }
  });

  it('sigmoid has slope 1/4 at 0 and saturates cleanly', () => {
    const fn = builtinActivations.sigmoid!;
    const g = grad((t: Tensor) => sum(fn(t)))(rt.tensor([0, -200, 200])).dataSync();
    expect(g[0]).toBeCloseTo(0.25, 7);
    expect(g[1]).toBe(0);
    expect(g[2]).toBe(0);
  });

  it('leakyRelu takes alpha, gelu the tanh approximation', () => {
    expect(Array.from(leakyRelu(rt.tensor([-2, 3]), 0.1).dataSync())).toEqual([expect.closeTo(-0.2, 6), 3]);
    expect(gelu(rt.tensor([1]), true).dataSync()[0]).toBeCloseTo(0.8411920071, 6);
  });

  it('resolves names through the registry first, then the built-ins', () => {
    expect(resolveActivation(rt, 'relu')).toBe(builtinActivations.relu);
    const double = (t: Tensor) => t;
    rt.use({
      name: 'my-activations',
      version: '1',
      install: (ctx) => ctx.register('activation', 'double', double),
    });
    expect(resolveActivation(rt, 'double')).toBe(double);
    expect(() => resolveActivation(rt, 'nope')).toThrow(UnknownPluginError);
    expect(() => resolveActivation(rt, 'nope')).toThrow(/Unknown activation "nope".*@descent\/layers/);
  });

  it('names functions for configs, and refuses anonymous ones', () => {
    expect(activationName('tanh')).toBe('tanh');
    expect(activationName(leakyRelu)).toBe('leakyRelu');
    expect(activationName(builtinActivations.softmax!)).toBe('softmax');
    expect(() => activationName((t: Tensor) => t)).toThrow(InvalidArgumentError);
    expect(() => new Dense({ units: 2, activation: 3 as never }).init(rt, [null, 2])).toThrow(
      InvalidArgumentError,
    );
  });
});
