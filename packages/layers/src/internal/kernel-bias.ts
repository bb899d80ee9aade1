import type { InitializerSpec } from '../initializers/initializer';
import type { LayerConfig, WeightOptions } from '../layer';
import type { ConstraintSpec, RegularizerSpec } from '../regularizer';
import { entryConfig, initConfig } from './config';

/** The options of a layer with a kernel and an optional bias (Dense, Conv2D), as in Keras. */
export interface KernelBiasArgs {
  /** Default `glorotUniform`. */
  kernelInitializer?: InitializerSpec;
  /** Default `zeros`. */
  biasInitializer?: InitializerSpec;
  kernelRegularizer?: RegularizerSpec | null;
  biasRegularizer?: RegularizerSpec | null;
  kernelConstraint?: ConstraintSpec | null;
  biasConstraint?: ConstraintSpec | null;
}

/** How to create the kernel and the bias from those options. */
export function kernelBiasWeights(args: KernelBiasArgs): { kernel: WeightOptions; bias: WeightOptions } {
  return {
    kernel: {
      initializer: args.kernelInitializer ?? 'glorotUniform',
      regularizer: args.kernelRegularizer,
      constraint: args.kernelConstraint,
    },
    bias: {
      initializer: args.biasInitializer ?? 'zeros',
      regularizer: args.biasRegularizer,
      constraint: args.biasConstraint,
    },
  };
}

/** Those options as saved in a layer config. */
export function kernelBiasConfig(args: KernelBiasArgs): LayerConfig {
  return {
    kernelInitializer: initConfig(args.kernelInitializer ?? 'glorotUniform'),
    biasInitializer: initConfig(args.biasInitializer ?? 'zeros'),
    kernelRegularizer: entryConfig(args.kernelRegularizer),
    biasRegularizer: entryConfig(args.biasRegularizer),
    kernelConstraint: entryConfig(args.kernelConstraint),
    biasConstraint: entryConfig(args.biasConstraint),
  };
}
