import type { Plugin } from '@descent/core';
import { adabelief } from './adabelief';

/** The plugin's name: what checkpoints record, and what a missing-plugin error names. */
export const PLUGIN_NAME = '@descent/example-optimizer-plugin';

/**
 * Registers `adabelief` under kind 'optimizer', as `optimizers()` registers the built-ins, so a
 * trainer or a checkpoint can ask for it by name.
 */
export function adaBeliefPlugin(): Plugin {
  return {
    name: PLUGIN_NAME,
    version: '0.0.0',
    install(ctx) {
      ctx.register('optimizer', 'adabelief', adabelief);
    },
  };
}
