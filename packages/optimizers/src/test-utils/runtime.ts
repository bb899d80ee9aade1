import { CpuBackend, cpuBackend, cpuKernels } from '@descent/backend-cpu';
import { createRuntime, type Plugin, type Runtime, type Tensor } from '@descent/core';

/** A CPU runtime for tests. */
export function cpuRuntime(precision: 'float32' | 'float64' = 'float32'): Runtime {
  return createRuntime({ plugins: [cpuBackend({ precision })] });
}

/** A small parameter tree with nested paths: "layer/w" [2,2] and "b" [2]. */
export function smallParams(
  rt: Runtime,
  w = [1, -2, 3, -4],
  b = [0.5, -0.5],
): { layer: { w: Tensor }; b: Tensor } {
  return { layer: { w: rt.tensor(w, [2, 2]) }, b: rt.tensor(b, [2]) };
}

/** Values of every tensor in a tree, by path. */
export function valuesOf(tree: unknown, prefix = ''): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const walk = (v: unknown, path: string) => {
    if (v && typeof v === 'object' && 'dataSync' in v && typeof (v as Tensor).dataSync === 'function') {
      out[path] = Array.from((v as Tensor).dataSync());
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}/${k}` : k);
    }
  };
  walk(tree, prefix);
  return out;
}

/**
 * A second CPU backend under another name, so one runtime holds two backends (as with CPU and
 * GPU) and state can move between them; built only from backend-cpu's public exports.
 */
export function secondCpuBackend(name = 'cpu2'): Plugin {
  return {
    name: 'test-second-cpu-backend',
    version: '0.0.0',
    install(ctx) {
      ctx.registerBackend(name, {
        packageName: '@descent/backend-cpu',
        priority: 0,
        create: () => new CpuBackend(),
      });
      ctx.registerKernels(cpuKernels.map((k) => ({ ...k, backend: name })));
    },
  };
}
