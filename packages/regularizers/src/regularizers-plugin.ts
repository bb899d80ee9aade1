import type { Plugin } from '@descent/core';
import { maxNorm } from './constraints/max-norm';
import { minMaxNorm } from './constraints/min-max-norm';
import { nonNeg } from './constraints/non-neg';
import { unitNorm } from './constraints/unit-norm';
import { l1 } from './penalties/l1';
import { l1l2 } from './penalties/l1l2';
import { l2 } from './penalties/l2';
import type { ConstraintFactory, RegularizerFactory } from './registry-kinds';

/** The name the plugin registers its entries under. */
export const REGULARIZERS_PLUGIN = '@descent/regularizers';

/**
 * The built-in penalties by registry name: Keras' class names (what saved configs hold) and the
 * lower-case names a layer option may give as a string (`kernelRegularizer: 'l2'`, defaults).
 */
export const builtinRegularizers: { readonly [name: string]: RegularizerFactory } = {
  L1: l1,
  L2: l2,
  L1L2: l1l2,
  l1,
  l2,
  l1l2,
};

/** The built-in constraints by registry name (Keras' class names and camel-case aliases). */
export const builtinConstraints: { readonly [name: string]: ConstraintFactory } = {
  MaxNorm: maxNorm,
  UnitNorm: unitNorm,
  NonNeg: nonNeg,
  MinMaxNorm: minMaxNorm,
  maxNorm,
  unitNorm,
  nonNeg,
  minMaxNorm,
};

/**
 * Registers the built-in penalties under kind `regularizer` and the constraints under kind
 * `constraint`, so model configs that name them load. Penalties and constraints work without
 * it when passed to layers as objects.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), autograd(), layers(), regularizers()] });
 * const model = await loadModel(rt, 'checkpoints/mlp'); // kernelRegularizer: { className: 'L2', config: { l2: 1e-4 } }
 */
export function regularizers(): Plugin {
  return {
    name: REGULARIZERS_PLUGIN,
    version: '0.0.0',
    install(ctx) {
      for (const [name, f] of Object.entries(builtinRegularizers)) ctx.register('regularizer', name, f);
      for (const [name, f] of Object.entries(builtinConstraints)) ctx.register('constraint', name, f);
    },
  };
}
