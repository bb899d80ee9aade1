import { add, createRuntime, UnknownPluginError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { CpuBackend, cpuBackend, cpuKernels } from './index';

describe('cpuBackend()', () => {
  it('registers the backend "cpu" and every kernel', () => {
    const rt = createRuntime({ plugins: [cpuBackend()] });
    expect(rt.backendName).toBe('cpu');
    expect(rt.backend()).toBeInstanceOf(CpuBackend);
    expect(rt.plugins()).toEqual([{ name: '@descent/backend-cpu', version: expect.any(String) }]);
    for (const k of cpuKernels)
      expect(rt.registry.find('kernel', `cpu/${k.op}`)?.plugin).toBe('@descent/backend-cpu');
  });

  it('registers nothing by being imported', () => {
    expect(() => createRuntime().backendName).toThrow(UnknownPluginError);
  });

  it('gives each runtime its own backend instance', () => {
    const [a, b] = [createRuntime({ plugins: [cpuBackend()] }), createRuntime({ plugins: [cpuBackend()] })];
    expect(a.backend()).not.toBe(b.backend());
    const y = add(a.tensor([1, 2]), a.tensor([3, 4]));
    expect(Array.from(y.dataSync())).toEqual([4, 6]);
  });

  it('lets a single kernel be replaced, leaving the others', () => {
    const rt = createRuntime({ plugins: [cpuBackend()] });
    rt.use({
      name: 'fast-add',
      version: '1.0.0',
      install: (ctx) =>
        ctx.registerKernels(
          [
            {
              op: 'add',
              backend: 'cpu',
              fn: ({ backend, out }) =>
                (backend as CpuBackend).make(out.shape, out.dtype, new Float32Array([42])),
            },
          ],
          { replace: true },
        ),
    });
    expect(Array.from(add(rt.tensor([1]), rt.tensor([2])).dataSync())).toEqual([42]);
  });
});
