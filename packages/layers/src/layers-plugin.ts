import type { Plugin } from '@descent/core';
import { builtinActivations } from './activations/activation-fn';
import { builtinInitializers } from './initializers/builtin-initializers';
import { builtinLayers } from './layers/builtin-layers';
import { builtinLosses } from './losses/builtin-losses';
import { builtinMetrics } from './metrics/builtin-metrics';

/** The version of this package, reported by `rt.plugins()`. */
const VERSION = '0.0.0';

/**
 * Registers the built-in layers (kind `layer`, by class name: `Dense`, `Sequential`, ...),
 * activations, initializers, losses and metrics, so saved configs and names resolve. Layers
 * work without it when built in code; loading a model config needs it.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), autograd(), layers()] });
 * const model = await loadModel(rt, 'checkpoints/mnist');
 */
export function layers(): Plugin {
  return {
    name: '@descent/layers',
    version: VERSION,
    install(ctx) {
      for (const [name, f] of Object.entries(builtinLayers)) ctx.register('layer', name, f);
      for (const [name, f] of Object.entries(builtinActivations)) ctx.register('activation', name, f);
      for (const [name, f] of Object.entries(builtinInitializers)) ctx.register('initializer', name, f);
      for (const [name, f] of Object.entries(builtinLosses)) ctx.register('loss', name, f);
      for (const [name, f] of Object.entries(builtinMetrics)) ctx.register('metric', name, f);
    },
  };
}
