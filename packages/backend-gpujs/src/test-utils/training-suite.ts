import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, type Runtime } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { type GpujsBackend, type GpujsMode, gpujsBackend } from '../index';
import { trainMlp } from './train-mlp';

const STEPS = 200;
const SEED = 7;

/**
 * Counts GPU resources as the driver sees them, from now on: GL textures created minus deleted
 * (on the backend's context), or WebGPU buffers created minus destroyed (on every device).
 */
export function gpuResources(rt: Runtime): () => number {
  const backend = rt.backend('gpujs') as GpujsBackend;
  let live = 0;
  if (backend.mode === 'webgpu') {
    const g = globalThis as unknown as {
      GPUDevice: { prototype: Record<string, unknown> };
      GPUBuffer: { prototype: Record<string, unknown> };
    };
    const create = g.GPUDevice.prototype.createBuffer as (...a: unknown[]) => unknown;
    const destroy = g.GPUBuffer.prototype.destroy as (...a: unknown[]) => unknown;
    g.GPUDevice.prototype.createBuffer = function (this: unknown, ...a: unknown[]) {
      live++;
      return create.apply(this, a);
    };
    g.GPUBuffer.prototype.destroy = function (this: unknown, ...a: unknown[]) {
      live--;
      return destroy.apply(this, a);
    };
  } else {
    const gl = backend.gpu.context as unknown as Record<string, (...a: unknown[]) => unknown>;
    const create = gl.createTexture!.bind(gl);
    const remove = gl.deleteTexture!.bind(gl);
    gl.createTexture = (...a) => {
      live++;
      return create(...a);
    };
    gl.deleteTexture = (...a) => {
      live--;
      return remove(...a);
    };
  }
  return () => live;
}

/**
 * The two-layer MLP trained for 200 SGD steps with the same seed on the CPU backend and on
 * gpujs in `mode`: the same model code, the backend chosen by one option.
 */
export function trainingSuite(mode: GpujsMode): void {
  describe(`training a 2-layer MLP: cpu vs gpujs (${mode})`, () => {
    const plugins = () => [cpuBackend(), gpujsBackend({ mode }), autograd()];
    const run = (backend: 'cpu' | 'gpujs') =>
      trainMlp(createRuntime({ plugins: plugins(), backend, seed: SEED }), STEPS, {
        ...(backend === 'gpujs' ? { probe: gpuResources } : {}),
      });
    const logs = Promise.all([run('cpu'), run('gpujs')]);

    it('loss curves agree within 1e-3 relative at every step, and the loss falls', async () => {
      const [cpu, gpu] = await logs;
      expect(gpu.losses).toHaveLength(STEPS);
      const worst = cpu.losses.reduce(
        (w, c, i) => {
          const rel = Math.abs(gpu.losses[i]! - c) / Math.abs(c);
          return rel > w.rel ? { rel, step: i } : w;
        },
        { rel: 0, step: -1 },
      );
      expect(
        worst.rel,
        `step ${worst.step}: cpu ${cpu.losses[worst.step]}, gpujs ${gpu.losses[worst.step]}`,
      ).toBeLessThanOrEqual(1e-3);
      expect(cpu.losses[STEPS - 1]!).toBeLessThan(cpu.losses[0]! / 4);
    });

    it('after the first step: no kernel compilations, at most one readback per step', async () => {
      const [, gpu] = await logs;
      const first = gpu.counters[0]!;
      const last = gpu.counters[STEPS - 1]!;
      expect(first.compilations).toBeGreaterThan(0);
      expect(last.compilations, 'kernels compiled after step 1').toBe(first.compilations);
      for (let i = 1; i < STEPS; i++) {
        expect(
          gpu.counters[i]!.readbacks! - gpu.counters[i - 1]!.readbacks!,
          `readbacks in step ${i + 1}`,
        ).toBeLessThanOrEqual(1);
      }
    });

    it('the texture count stays constant across epochs (ours, and the driver’s)', async () => {
      const [, gpu] = await logs;
      const [e1, e2, e3, e4] = gpu.epochEnds;
      expect(gpu.epochEnds.length).toBeGreaterThanOrEqual(4);
      expect([e2, e3, e4]).toEqual([e1, e1, e1]);
    });
  });
}
