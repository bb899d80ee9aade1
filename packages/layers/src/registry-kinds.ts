import type { ActivationFn } from './activations/activation-fn';
import type { InitializerFactory } from './initializers/initializer';
import type { LayerFactory } from './layer';
import type { LossFactory } from './losses/loss';
import type { MetricFactory } from './metrics/metric';

/** The registry kinds this package types (by declaration merging on core's `RegistryKinds`). */
export interface LayersRegistryKinds {
  layer: LayerFactory;
  activation: ActivationFn;
  initializer: InitializerFactory;
  loss: LossFactory;
  metric: MetricFactory;
}

declare module '@descent/core' {
  interface RegistryKinds {
    layer: LayerFactory;
    activation: ActivationFn;
    initializer: InitializerFactory;
    loss: LossFactory;
    metric: MetricFactory;
  }
}
