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
  /** Penalty on the kernel, added to the loss (default none). */
  kernelRegularizer?: RegularizerSpec | null;
  /** Penalty on the bias, added to the loss (default none). */
  biasRegularizer?: RegularizerSpec | null;
  /** Projection applied to the kernel after each update (default none). */
  kernelConstraint?: ConstraintSpec | null;
  /** Projection applied to the bias after each update (default none). */
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
