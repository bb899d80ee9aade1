import type { Plugin } from '@descent/core';
import { PReLU, type PReLUArgs } from './prelu';

/**
 * Registers PReLU under kind `layer`, exactly as `layers()` registers the built-ins, so saved
 * models that use it load where this plugin is installed (and fail, naming it, where not).
 */
export function preluPlugin(): Plugin {
  return {
    name: '@descent/example-custom-layer',
    version: '0.0.0',
    install(ctx) {
      ctx.register('layer', 'PReLU', (config) => new PReLU(config as PReLUArgs));
    },
  };
}
