import { createRuntime } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { GpuContextError, GpujsBackend, gpujsBackend, gpujsKernels, isGpujsModeAvailable } from './index';

describe('gpujs backend without a GPU (Node, no WebGL, no WebGPU)', () => {
  it('throws GpuContextError for a mode it cannot open, never falling back to the CPU', () => {
    expect(() => new GpujsBackend({ mode: 'webgl2' })).toThrow(GpuContextError);
    expect(() => new GpujsBackend({ mode: 'webgl2' })).toThrow(/mode "webgl2"\): not available/);
    expect(() => new GpujsBackend({ mode: 'webgpu' })).toThrow(/navigator\.gpu is missing/);
    expect(() => new GpujsBackend({ mode: 'cpu' as never })).toThrow(/unknown mode/);
  });

  it('opens the context lazily: installing the plugin never fails, using the backend does', () => {
    const rt = createRuntime({ plugins: [gpujsBackend({ mode: 'webgl2' })] });
    expect(rt.backendName).toBe('gpujs');
    expect(() => rt.tensor([1])).toThrow(GpuContextError);
  });

  it('reports availability per mode', async () => {
    expect(await isGpujsModeAvailable('webgl2')).toBe(false);
    expect(await isGpujsModeAvailable('webgpu')).toBe(false);
  });

  it('has a kernel for every primitive but the view op reshape', async () => {
    const { primitiveOps } = await import('@descent/core');
    const have = new Set(gpujsKernels.map((k) => k.op));
    expect(primitiveOps.filter((d) => !d.view && !have.has(d.name)).map((d) => d.name)).toEqual([]);
    expect(gpujsKernels.every((k) => k.backend === 'gpujs')).toBe(true);
  });
});
