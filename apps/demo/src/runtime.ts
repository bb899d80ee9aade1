import { augment } from '@descent/augment';
import { augmentGpujs, augmentGpujsKernels } from '@descent/augment/gpujs';
import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import {
  GpujsBackend,
  type GpujsBackendOptions,
  gpujsBackend,
  gpujsKernels,
  isGpujsModeAvailable,
} from '@descent/backend-gpujs';
import { createRuntime, type Plugin, type Runtime } from '@descent/core';
import { adaBeliefPlugin } from '@descent/example-optimizer-plugin/src/adabelief-plugin.ts';
import { layers } from '@descent/layers';
import { optimizers } from '@descent/optimizers';
import { regularizers } from '@descent/regularizers';

/** What the backend menu offers. */
export type BackendChoice = 'cpu' | 'webgl2' | 'webgpu';

/** The runtime's backend name for each choice. */
export const BACKEND_NAME: Record<BackendChoice, string> = {
  cpu: 'cpu',
  webgl2: 'gpujs',
  webgpu: 'gpujs-webgpu',
};

export interface AppRuntime {
  readonly rt: Runtime;
  /** Which choices this browser can run. */
  readonly available: Record<BackendChoice, boolean>;
}

/**
 * A second gpu.js backend under another name, so one runtime can hold a WebGL2 and a WebGPU
 * backend at once and the page can move a model between all three. `gpujsBackend()` registers
 * one backend named 'gpujs'; this registers the same backend class and the same kernels
 * (backend-gpujs's and augment's) under `name`.
 */
export function gpujsBackendNamed(name: string, options: GpujsBackendOptions): Plugin {
  return {
    name: `demo:${name}`,
    version: '0.0.0',
    install(ctx) {
      ctx.registerBackend(name, {
        packageName: '@descent/backend-gpujs',
        create: () => new GpujsBackend(options),
      });
      ctx.registerKernels([...gpujsKernels, ...augmentGpujsKernels].map((k) => ({ ...k, backend: name })));
    },
  };
}

/**
 * The app's one runtime, assembled from plugins the way any descent app is: backends, autograd,
 * layers, optimizers (plus the AdaBelief example plugin), regularizers and augmentation. Backends
 * are created lazily, on first use; the CPU is the default.
 */
export async function createAppRuntime(): Promise<AppRuntime> {
  const available: Record<BackendChoice, boolean> = {
    cpu: true,
    webgl2: await isGpujsModeAvailable('webgl2').catch(() => false),
    webgpu: await isGpujsModeAvailable('webgpu').catch(() => false),
  };
  const plugins: Plugin[] = [
    cpuBackend(),
    gpujsBackend({ mode: 'webgl2' }),
    autograd(),
    layers(),
    optimizers(),
    adaBeliefPlugin(),
    regularizers(),
    augment(),
    augmentGpujs(),
  ];
  if (available.webgpu) plugins.push(gpujsBackendNamed(BACKEND_NAME.webgpu, { mode: 'webgpu' }));
  const rt = createRuntime({ plugins, backend: 'cpu', seed: 0 });
  return { rt, available };
}

/** What the backend behind `name` really runs on: 'cpu', or the gpu.js mode it opened. */
export function modeOf(rt: Runtime, name: string): string {
  const backend = rt.backend(name);
  return backend instanceof GpujsBackend ? backend.mode : backend.name;
}
