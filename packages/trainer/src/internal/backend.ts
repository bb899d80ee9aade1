import { InvalidArgumentError, type Plugin, type Runtime } from '@descent/core';
import type { Layer } from '@descent/layers';

/**
 * The backend to train on: by name, or the backend a plugin registers (installing the plugin if
 * the runtime lacks it). It becomes the runtime's default, so new tensors go there.
 */
export async function selectBackend(rt: Runtime, backend: string | Plugin | undefined): Promise<string> {
  if (backend === undefined) return rt.backendName;
  if (typeof backend === 'string') {
    rt.setBackend(backend);
    return backend;
  }
  if (typeof backend !== 'object' || backend === null || typeof backend.install !== 'function')
    throw new InvalidArgumentError('fit', 'backend must be a backend name or a backend plugin');
  if (!rt.plugins().some((p) => p.name === backend.name)) rt.use(backend);
  const names = rt.registry
    .names('backend')
    .filter((n) => rt.registry.find('backend', n)?.plugin === backend.name);
  if (names.length === 0)
    throw new InvalidArgumentError('fit', `the plugin "${backend.name}" registers no backend`);
  rt.setBackend(names[0]!);
  return names[0]!;
}

/** Moves every weight that lives on another backend to `backend` (read back once, uploaded). */
export async function moveModelTo(model: Layer, backend: string): Promise<void> {
  const rt = model.runtime!;
  for (const { path, variable } of model.variables()) {
    if (variable.value.backendName === backend) continue;
    const moved = await rt.moveTo(variable.value, backend);
    variable.assign(moved, path);
    moved.dispose();
  }
}
