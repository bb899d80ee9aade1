import type { Plugin } from '@descent/core';
import { builtinCallbacks } from './internal/builtin-callbacks';

/**
 * Registers the built-in callbacks under kind `callback` (`earlyStopping`, `reduceLROnPlateau`,
 * `modelCheckpoint`, `progressBar`, `nanGuard`, `csvLogger`, `jsonLogger`), so configs can name
 * them; a plugin can register its own the same way. `fit` also finds the built-ins without it.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), autograd(), layers(), optimizers(), trainer()] });
 * await fit(model, data, { loss, callbacks: [{ className: 'earlyStopping', config: { patience: 2 } }] });
 */
export function trainer(): Plugin {
  return {
    name: '@descent/trainer',
    version: '0.0.0',
    install(ctx) {
      for (const [name, factory] of Object.entries(builtinCallbacks)) ctx.register('callback', name, factory);
    },
  };
}
