import { type DenseActivation, dense, relu, reshape, type Tensor } from '@descent/core';
import {
  type ActivationFn,
  type ActivationSpec,
  activationName,
  resolveActivation,
} from '../activations/activation-fn';
import { linear } from '../activations/linear';
import { LayerError } from '../errors';
import { checkShapeArg } from '../internal/check-layer';
import { type KernelBiasArgs, kernelBiasConfig, kernelBiasWeights } from '../internal/kernel-bias';
import { posInt } from '../internal/options';
import { fmtSymbolic } from '../internal/shapes';
import { type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { SymbolicShape } from '../types';

export interface DenseArgs extends LayerArgs, KernelBiasArgs {
  /** Output size. */
  units: number;
  /** Default `linear`. */
  activation?: ActivationSpec;
  /** Default true. */
  useBias?: boolean;
}

/**
 * Fully connected: `activation(x · kernel + bias)` over the last axis, with kernel
 * `[inputDim, units]` (Keras' layout; PyTorch's Linear stores its transpose). Inputs of rank > 2
 * are transformed along the last axis.
 *
 * @example
 * const layer = new Dense({ units: 10, activation: 'softmax' });
 * layer.call(rt.tensor([[1, 2, 3]])).shape; // [1, 10]
 */
export class Dense extends Layer<{
  /** The weight matrix `[inputs, units]`. */
  kernel: Tensor;
  /** One value per unit (absent with `useBias: false`). */
  bias?: Tensor;
}> {
  readonly className = 'Dense';
  /** Number of outputs. */
  readonly units: number;
  /** Activation applied to the output. */
  readonly activation: ActivationSpec;
  /** Whether a bias is added. */
  readonly useBias: boolean;
  private readonly args: DenseArgs;
  private inputDim: number | undefined;
  private act: ActivationFn | undefined;
  /** The activation core's fused dense applies: ReLU when 'relu' resolves to core's own (a plugin may replace it), else none. */
  private fused: DenseActivation | undefined;

  constructor(args: DenseArgs) {
    super(args);
    this.args = args;
    this.units = posInt('Dense', 'units', args?.units);
    this.activation = args.activation ?? 'linear';
    this.useBias = args.useBias ?? true;
  }

  protected override inputSpec(): InputSpec {
    return { minRank: 2, ...(this.inputDim !== undefined ? { axes: { [-1]: this.inputDim } } : {}) };
  }

  protected override build(inputShape: SymbolicShape): void {
    const inputDim = inputShape[inputShape.length - 1];
    if (inputDim === null || inputDim === undefined)
      throw new LayerError(
        this.name,
        `the last axis of the input must be known to build, got ${fmtSymbolic(inputShape)}`,
        '[...,units]',
        inputShape,
        this.className,
      );
    const rt = this.runtime!;
    this.act = resolveActivation(rt, this.activation);
    this.fused = this.act === relu ? 'relu' : this.act === linear ? 'linear' : undefined;
    const weights = kernelBiasWeights(this.args);
    this.addWeight('kernel', [inputDim, this.units], weights.kernel);
    if (this.useBias) this.addWeight('bias', [this.units], weights.bias);
    this.inputDim = inputDim;
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    return [...inputShape.slice(0, -1), this.units];
  }

  protected forward(x: Tensor, w: { kernel: Tensor; bias?: Tensor }): Tensor {
    // Core's fused dense takes the bias and ReLU; other activations run after it. Leading axes
    // fold into rows.
    const fused = this.fused;
    const lead = x.shape.slice(0, -1);
    const rows = x.rank === 2 ? x : reshape(x, [lead.reduce((a, d) => a * d, 1), x.shape[x.rank - 1]!]);
    let y = dense(rows, w.kernel, w.bias, { activation: fused ?? 'linear' });
    if (rows !== x) y = reshape(y, [...lead, this.units]);
    return fused ? y : this.act!(y);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: activationName(this.activation),
      useBias: this.useBias,
      ...kernelBiasConfig(this.args),
    };
  }
}
