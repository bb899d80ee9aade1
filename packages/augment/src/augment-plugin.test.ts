import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { createRuntime, kernelKey, UnknownPluginError } from '@descent/core';
import { describe, expect, it } from 'vitest';
import { augment, augmentOps, transformFactories } from './augment-plugin';

describe('augment()', () => {
  const rt = createRuntime({ plugins: [cpuBackend(), autograd(), augment()] });

  it('registers its ops, their CPU kernels and the gradient rule, attributed to the plugin', () => {
    for (const def of augmentOps) {
      expect(def.package).toBe('@descent/augment');
      expect(rt.registry.find('op', def.name)?.plugin).toBe('@descent/augment');
      expect(rt.registry.find('kernel', kernelKey(def.name, 'cpu'))?.plugin).toBe('@descent/augment');
    }
    expect(rt.registry.find('gradient', 'affineResample')?.plugin).toBe('@descent/augment');
    expect(rt.plugins().map((p) => p.name)).toContain('@descent/augment');
  });

  it('registers every transform factory by name, kind augmentation', () => {
    expect(rt.registry.names('augmentation').sort()).toEqual(Object.keys(transformFactories).sort());
    const flip = rt.registry.get('augmentation', 'randomHorizontalFlip')({ p: 1 });
    expect(flip.name).toBe('randomHorizontalFlip');
  });

  it('an unknown transform name says which package provides the kind', () => {
    const bare = createRuntime({ plugins: [cpuBackend()] });
    expect(() => bare.registry.get('augmentation', 'randomRotation')).toThrow(UnknownPluginError);
    expect(() => bare.registry.get('augmentation', 'randomRotation')).toThrow(/@descent\/augment/);
  });

  it('installing it twice is a duplicate-registration error unless replaced', () => {
    expect(() => rt.use(augment())).toThrow(/already registered/);
    expect(() => rt.use(augment(), { replace: true })).not.toThrow();
  });
});
