import { describe, expect, it } from 'vitest';
import { type Backend, createRuntime, ShapeError, UnsupportedError } from './index';
import { MiniBackend, miniBackend } from './test-utils/mini-backend';

const rt = createRuntime({ plugins: [miniBackend()] });

describe('tensor creation', () => {
  it('infers shape and dtype from nested arrays', async () => {
    const t = rt.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
    expect(await t.array()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(rt.tensor([true, false]).dtype).toBe('bool');
    expect(rt.scalar(3).shape).toEqual([]);
    expect(rt.scalar(3).arraySync()).toBe(3);
  });

  it('takes typed arrays with a shape, copying them', () => {
    const src = new Int32Array([1, 2, 3, 4]);
    const t = rt.tensor(src, [2, 2]);
    src[0] = 99;
    expect(t.dtype).toBe('int32');
    expect(t.dataSync()).toEqual(new Int32Array([1, 2, 3, 4]));
    expect(rt.tensor(new Float32Array([1, 2]), [2], 'int32').dataSync()).toEqual(new Int32Array([1, 2]));
  });

  it('handles zero-size shapes', () => {
    const t = rt.tensor([], [0, 3]);
    expect(t.size).toBe(0);
    expect(t.arraySync()).toEqual([]);
    expect(rt.tensor([[], []]).shape).toEqual([2, 0]);
  });

  it('rejects ragged arrays and shapes that do not fit', () => {
    expect(() => rt.tensor([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => rt.tensor([[1, 2], [3]])).toThrow(
      'tensor: ragged nested array: expected length 2 at [1], got 1',
    );
    expect(() => rt.tensor([1, 2, 3], [2, 2])).toThrow('tensor: shape [2,2] does not fit 3 values');
    expect(() => rt.tensor([1, 2], [-1, -2])).toThrow(ShapeError);
    expect(() => rt.tensor([2, 3], [2], 'bool')).toThrow(/bool/);
  });
});

describe('toString', () => {
  it('prints like NumPy with aligned columns', () => {
    const t = rt.tensor([
      [1, 22.5, -3],
      [4, 5, 6],
    ]);
    expect(t.toString()).toBe('Tensor float32 [2,3] on mini\n[[   1, 22.5,   -3],\n [   4,    5,    6]]');
  });

  it('prints rank 3, scalars, bools and specials', () => {
    expect(
      rt
        .tensor([[[1, 2]], [[3, 4]]])
        .toString()
        .split('\n')
        .slice(1)
        .join('\n'),
    ).toBe('[[[1, 2]],\n\n [[3, 4]]]');
    expect(rt.scalar(Number.NaN).toString()).toBe('Tensor float32 [] on mini\nNaN');
    expect(rt.tensor([true, false]).toString()).toBe('Tensor bool [2] on mini\n[ true, false]');
    expect(rt.tensor([1e-7, Number.POSITIVE_INFINITY]).toString()).toContain('[1.0000e-7,  Infinity]');
  });

  it('summarizes large tensors', () => {
    const t = rt.tensor(
      new Float32Array(2000).map((_, i) => i),
      [2000],
    );
    expect(t.toString()).toContain('[   0,    1,    2, ..., 1997, 1998, 1999]');
  });
});

describe('async-only backends', () => {
  it('dataSync says to use data() when the backend cannot read synchronously', async () => {
    // A backend without readSync, like gpu.js in WebGPU mode.
    const asyncOnly = (): Backend => {
      const b = new MiniBackend('async');
      return {
        name: b.name,
        write: b.write.bind(b),
        read: b.read.bind(b),
        free: b.free.bind(b),
        memory: b.memory.bind(b),
      };
    };
    const r = createRuntime({
      plugins: [
        {
          name: 'async',
          version: '0',
          install: (ctx) => ctx.registerBackend('async', { packageName: 'x', create: asyncOnly }),
        },
      ],
    });
    const t = r.tensor([1, 2]);
    expect(() => t.dataSync()).toThrow(UnsupportedError);
    expect(() => t.dataSync()).toThrow(
      'dataSync: backend "async" reads asynchronously only; use await t.data()',
    );
    expect(await t.data()).toEqual(new Float32Array([1, 2]));
    expect(t.toString()).toContain('use await t.data()');
  });
});
