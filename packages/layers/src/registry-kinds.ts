import type { ActivationFn } from './activations/activation-fn';
import type { InitializerFactory } from './initializers/initializer';
import type { LayerFactory } from './layer';
import type { LossFactory } from './losses/loss';
import type { MetricFactory } from './metrics/metric';

/** The registry kinds this package types (by declaration merging on core's `RegistryKinds`). */
export interface LayersRegistryKinds {
  /** Layer classes, by class name (`'Dense'`). */
  layer: LayerFactory;
  /** Activations, by name (`'relu'`). */
  activation: ActivationFn;
  /** Initializers, by name (`'glorotUniform'`). */
  initializer: InitializerFactory;
  /** Losses, by name (`'categoricalCrossentropy'`). */
  loss: LossFactory;
  /** Metrics, by name (`'accuracy'`). */
  metric: MetricFactory;
}

declare module '@descent/core' {
  interface RegistryKinds {
    /** Layer classes, by class name (`'Dense'`); typed by `@descent/layers`. */
    layer: LayerFactory;
    /** Activations, by name (`'relu'`); typed by `@descent/layers`. */
    activation: ActivationFn;
    /** Initializers, by name (`'glorotUniform'`); typed by `@descent/layers`. */
    initializer: InitializerFactory;
    /** Losses, by name (`'categoricalCrossentropy'`); typed by `@descent/layers`. */
    loss: LossFactory;
    /** Metrics, by name (`'accuracy'`); typed by `@descent/layers`. */
    metric: MetricFactory;
  }
}
