import type { Tensor } from '@descent/core';
import {
  type ActivationFn,
  type ActivationSpec,
  activationName,
  resolveActivation,
} from '../activations/activation-fn';
import { checkShapeArg } from '../internal/check-layer';
import { Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { SymbolicShape } from '../types';

export interface ActivationArgs extends LayerArgs {
  /** A registered name (`'relu'`) or a function. */
  activation: ActivationSpec;
}

/**
 * Applies an activation as its own layer.
 *
 * @example
 * new Activation({ activation: 'relu' });
 */
export class Activation extends Layer<Record<string, never>> {
  readonly className = 'Activation';
  /** The activation applied, by name or as a function. */
  readonly activation: ActivationSpec;
  private fn: ActivationFn | undefined;

  constructor(args: ActivationArgs) {
    super(args);
    this.activation = args?.activation;
    activationName(this.activation);
  }

  protected override build(): void {
    this.fn = resolveActivation(this.runtime!, this.activation);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    return inputShape;
  }

  protected forward(x: Tensor): Tensor {
    return this.fn!(x);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), activation: activationName(this.activation) };
  }
}
