import type { Plugin } from '@descent/core';
import { gradientRules } from './gradient-rules';

/**
 * The plugin that makes a runtime differentiable: registers one gradient rule per core
 * primitive. Without it `valueAndGrad` fails naming the op that has no rule.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), autograd()] });
 */
export function autograd(): Plugin {
  return {
    name: '@descent/autograd',
    version: '0.0.0',
    install(ctx) {
      for (const [op, rule] of Object.entries(gradientRules)) ctx.register('gradient', op, rule);
    },
  };
}
