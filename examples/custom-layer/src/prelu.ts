import { greater, mul, type Tensor, where } from '@descent/core';
import {
  type InitializerSpec,
  type InputSpec,
  Layer,
  type LayerArgs,
  type LayerConfig,
  LayerError,
  type RegularizerSpec,
  type SymbolicShape,
  serializeEntry,
  serializeInitializer,
} from '@descent/layers';

export interface PReLUArgs extends LayerArgs {
  /** Starting slope of the negative part (default zeros, as Keras; PyTorch starts at 0.25). */
  alphaInitializer?: InitializerSpec;
  alphaRegularizer?: RegularizerSpec | null;
}

/**
 * Parametric ReLU (He et al. 2015): x for x > 0, alpha·x otherwise, with one learned slope per
 * feature (the last axis). Written only against the public API of @descent/layers: it declares
 * its weight in `build`, computes in `forward` from the weights it is given (so gradients reach
 * them through `model.apply`), and saves its options in `getConfig`.
 */
export class PReLU extends Layer<{ alpha: Tensor }> {
  readonly className = 'PReLU';
  private readonly args: PReLUArgs;
  private features: number | undefined;

  constructor(args: PReLUArgs = {}) {
    super(args);
    this.args = args;
  }

  protected override inputSpec(): InputSpec {
    return { minRank: 2, ...(this.features !== undefined ? { axes: { [-1]: this.features } } : {}) };
  }

  protected override build(inputShape: SymbolicShape): void {
    const features = inputShape[inputShape.length - 1];
    if (features === null || features === undefined)
      throw new LayerError(
        this.name,
        'the last axis of the input must be known',
        undefined,
        inputShape,
        this.className,
      );
    this.addWeight('alpha', [features], {
      initializer: this.args.alphaInitializer ?? 'zeros',
      regularizer: this.args.alphaRegularizer,
    });
    this.features = features;
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return inputShape;
  }

  protected forward(x: Tensor, w: { alpha: Tensor }): Tensor {
    return where(greater(x, 0), x, mul(x, w.alpha));
  }

  override getConfig(): LayerConfig {
    const { alphaInitializer, alphaRegularizer } = this.args;
    return {
      ...super.getConfig(),
      alphaInitializer: serializeInitializer(alphaInitializer ?? 'zeros'),
      alphaRegularizer: alphaRegularizer ? serializeEntry(alphaRegularizer) : null,
    };
  }
}
