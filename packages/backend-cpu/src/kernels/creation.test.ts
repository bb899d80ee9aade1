import { cast, fill, philoxUniform, randomUniform, randomUniformBits, seedToKey } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuRuntime, values } from '../test-utils/helpers';

const rt = cpuRuntime();
const NaN = Number.NaN;

describe('cast', () => {
  it('float32 → int32 truncates toward zero, saturating, NaN → 0', () => {
    const x = rt.tensor([1.9, -1.9, 0.5, -0.5, 3e9, -3e9, NaN, Infinity, -Infinity]);
    expect(values(cast(x, 'int32'))).toEqual([
      1, -1, 0, 0, 2147483647, -2147483648, 0, 2147483647, -2147483648,
    ]);
  });

  it('anything → bool is x != 0, and bools widen to 0/1', () => {
    expect(values(cast(rt.tensor([0, -0, 0.1, NaN, -Infinity]), 'bool'))).toEqual([0, 0, 1, 1, 1]);
    expect(values(cast(rt.tensor([0, -3], [2], 'int32'), 'bool'))).toEqual([0, 1]);
    expect(values(cast(rt.tensor([true, false]), 'float32'))).toEqual([1, 0]);
    expect(values(cast(rt.tensor([true, false]), 'int32'))).toEqual([1, 0]);
  });

  it('int32 → float32 rounds to nearest float32, and same-dtype casts copy', () => {
    expect(values(cast(rt.tensor([16777217, -7], [2], 'int32'), 'float32'))).toEqual([16777216, -7]);
    const x = rt.tensor([1.5]);
    const y = cast(x, 'float32');
    expect(values(y)).toEqual([1.5]);
    x.dispose();
    expect(values(y)).toEqual([1.5]);
  });
});

describe('fill', () => {
  it('fills each dtype, converting the value as cast does', () => {
    expect(values(fill(rt, [2, 2], 0.5))).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(values(fill(rt, [3], -2.7, 'int32'))).toEqual([-2, -2, -2]);
    expect(values(fill(rt, [2], 2, 'bool'))).toEqual([1, 1]);
    expect(values(fill(rt, [], 7))).toEqual([7]);
    expect(fill(rt, [0, 4], 1).shape).toEqual([0, 4]);
  });
});

describe('randomUniform', () => {
  it("reproduces core's reference Philox stream exactly", () => {
    const r = cpuRuntime();
    r.seed(1234);
    const y = randomUniformBits(r, [3, 7]);
    const expected = philoxUniform(seedToKey(1234), 0, new Float32Array(21));
    expect(values(y)).toEqual(Array.from(expected));
    // The next draw starts at the next unused block: 21 values took 6 blocks.
    const z = randomUniformBits(r, [5]);
    expect(values(z)).toEqual(Array.from(philoxUniform(seedToKey(1234), 6, new Float32Array(5))));
  });

  it('is the same for the same seed and lies in [0, 1)', () => {
    const [a, b] = [cpuRuntime(), cpuRuntime()];
    a.seed(7);
    b.seed(7);
    const [x, y] = [values(randomUniform(a, [1000])), values(randomUniform(b, [1000]))];
    expect(x).toEqual(y);
    expect(x.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(randomUniformBits(a, [0]).shape).toEqual([0]);
  });
});
