import { add, conv2d, createRuntime, matmul, randomUniform, sub, sum } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from './cpu-backend-plugin';

describe("precision: 'float64' reference mode", () => {
  const rt64 = createRuntime({ plugins: [cpuBackend({ precision: 'float64' })], seed: 5 });
  const rt32 = createRuntime({ plugins: [cpuBackend()], seed: 5 });

  it('keeps float32 tensors in doubles end to end', () => {
    // 1 + 2^-40 is 1 in float32 and exact in float64.
    const x = rt64.tensor(new Float64Array([1 + 2 ** -40]));
    expect(rt64.backend().precision).toBe('float64');
    expect(x.dataSync()).toBeInstanceOf(Float64Array);
    expect(sub(x, 1).dataSync()[0]).toBe(2 ** -40);
    expect(sub(rt32.tensor(new Float64Array([1 + 2 ** -40])), 1).dataSync()[0]).toBe(0);
  });

  it('JS numbers used as scalars keep double precision', () => {
    const x = rt64.tensor(new Float64Array([1]));
    expect(sub(add(x, 2 ** -40), 1).dataSync()[0]).toBe(2 ** -40);
  });

  it('reductions, matmul and conv allocate doubles too', () => {
    const a = rt64.tensor(new Float64Array([2 ** -40, 1, -1]));
    expect(sum(a).dataSync()[0]).toBe(2 ** -40);
    const m = matmul(rt64.tensor(new Float64Array([1 + 2 ** -40, 1]), [1, 2]), rt64.tensor([[1], [-1]]));
    expect(m.dataSync()[0]).toBe(2 ** -40);
    const c = conv2d(rt64.tensor(new Float64Array([1 + 2 ** -40]), [1, 1, 1, 1]), rt64.tensor([[[[1]]]]));
    expect(add(c, -1).dataSync()[0]).toBe(2 ** -40);
  });

  it('draws the same uniforms as float32 mode (they are exact in both)', () => {
    expect(Array.from(randomUniform(rt64, [9]).dataSync())).toEqual(
      Array.from(randomUniform(rt32, [9]).dataSync()),
    );
  });
});
