import { add, type TypedArray } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { CpuBackend, type CpuData } from './cpu-backend';
import { wasmHeap } from './internal/wasm/wasm-heap';
import { cpuRuntime } from './test-utils/helpers';

describe('CpuBackend', () => {
  it('stores a copy on write and returns copies on read', async () => {
    const b = new CpuBackend();
    const src = new Float32Array([1, 2, 3]);
    const info = b.write(src, [3], 'float32');
    src[0] = 99;
    expect(Array.from(b.readSync(info))).toEqual([1, 2, 3]);
    const read = await b.read(info);
    read[1] = 99;
    expect(Array.from(b.values(info))).toEqual([1, 2, 3]);
  });

  it('stores each dtype in its typed array', () => {
    const b = new CpuBackend();
    const kinds: [TypedArray, 'float32' | 'int32' | 'bool'][] = [
      [new Float32Array(2), 'float32'],
      [new Int32Array(2), 'int32'],
      [new Uint8Array(2), 'bool'],
    ];
    for (const [arr, dtype] of kinds) {
      expect(b.values(b.make([2], dtype)).constructor).toBe(arr.constructor);
      expect((b.write(new Float32Array([1, 0]), [2], dtype).dataId as CpuData).values.constructor).toBe(
        arr.constructor,
      );
    }
  });

  it('allocates zeros in make, or adopts the given values', () => {
    const b = new CpuBackend();
    expect(Array.from(b.values(b.make([2, 2], 'int32')))).toEqual([0, 0, 0, 0]);
    const v = new Float32Array([5]);
    expect(b.values(b.make([], 'float32', v))).toBe(v);
  });

  it('reports live bytes and buffers, and frees', () => {
    const b = new CpuBackend();
    const f = b.write(new Float32Array(4), [4], 'float32');
    const i = b.make([2], 'bool');
    expect(b.memory()).toEqual({ bytes: 18, buffers: 2 });
    b.free(f);
    expect(b.memory()).toEqual({ bytes: 2, buffers: 1 });
    b.free(f); // a second free of the same handle changes nothing
    b.free(i);
    expect(b.memory()).toEqual({ bytes: 0, buffers: 0 });
  });

  it('reuses freed arrays of the same type and length, zeroed, and never a view of a larger buffer', () => {
    const b = new CpuBackend({ residentTensors: false });
    const first = b.make([512], 'float32');
    const values = b.values(first);
    values.fill(7);
    b.free(first);
    expect(b.pooledBytes).toBe(2048);
    const again = b.make([512], 'float32');
    expect(b.values(again)).toBe(values);
    expect(b.values(again).every((v) => v === 0)).toBe(true);
    expect(b.pooledBytes).toBe(0);
    // Another length, dtype or a subarray view is not reused.
    b.free(again);
    expect(b.values(b.make([256], 'float32'))).not.toBe(values);
    expect(b.values(b.make([512], 'int32'))).not.toBe(values);
    const view = new Float32Array(1024).subarray(0, 512);
    b.free(b.make([512], 'float32', view));
    expect(b.values(b.make([512], 'float32'))).toBe(values);
    expect(b.values(b.make([512], 'float32'))).not.toBe(view);
    b.releasePool();
    expect(b.pooledBytes).toBe(0);
  });

  it('hands a recycled array over unzeroed to kernels that overwrite it all', () => {
    const b = new CpuBackend();
    const first = b.make([300], 'int32');
    b.values(first).fill(3);
    b.free(first);
    const info = b.makeForOverwrite([300], 'int32');
    expect(b.values(info)[299]).toBe(3);
    expect(b.memory()).toEqual({ bytes: 1200, buffers: 1 });
    expect(Array.from(b.values(b.makeForOverwrite([2], 'bool')))).toEqual([0, 0]);
  });

  it('keeps at most 8 arrays of one size and leaves small arrays to the allocator', () => {
    const b = new CpuBackend({ residentTensors: false });
    const infos = Array.from({ length: 10 }, () => b.make([1000], 'float32'));
    for (const info of infos) b.free(info);
    expect(b.pooledBytes).toBe(8 * 4000);
    b.free(b.make([16], 'float32'));
    expect(b.pooledBytes).toBe(8 * 4000);
  });

  it('keeps float32 tensors in the WebAssembly heap by default, and only there', () => {
    const heap = wasmHeap()!;
    const resident = (b: CpuBackend, dtype: 'float32' | 'int32' = 'float32') =>
      [
        b.make([600], dtype),
        b.makeForOverwrite([600], dtype),
        b.write(new Float32Array(600), [600], dtype),
      ].map((info) => heap.addressOf(b.values(info) as Float32Array) >= 0);
    expect(new CpuBackend().residentTensors).toBe(true);
    expect(resident(new CpuBackend())).toEqual([true, true, true]);
    expect(resident(new CpuBackend(), 'int32')).toEqual([false, false, false]);
    for (const options of [
      { residentTensors: false },
      { kernels: 'js' },
      { kernels: 'reference' },
      { precision: 'float64' },
    ] as const) {
      expect(new CpuBackend(options).residentTensors).toBe(false);
      expect(resident(new CpuBackend(options))).toEqual([false, false, false]);
    }
  });

  it('reuses a freed resident block for the next tensor of its size, zeroed by make', () => {
    const b = new CpuBackend();
    const first = b.make([1000], 'float32');
    const values = b.values(first);
    values.fill(7);
    b.free(first);
    const again = b.values(b.make([1000], 'float32'));
    expect(again.byteOffset).toBe(values.byteOffset);
    expect(again.every((v) => v === 0)).toBe(true);
    expect(b.memory()).toEqual({ bytes: 4000, buffers: 1 });
  });

  it('frees what tidy disposes: intermediates and the scalars numbers became', () => {
    const rt = cpuRuntime();
    const x = rt.tensor([1, 2, 3]);
    const y = rt.tidy(() => add(add(x, 1), 2));
    expect(rt.memory().backends.cpu?.backend).toEqual({ bytes: 24, buffers: 2 });
    rt.dispose([x, y]);
    expect(rt.memory().backends.cpu?.backend).toEqual({ bytes: 0, buffers: 0 });
  });
});
