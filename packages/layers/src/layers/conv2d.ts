import { add, conv2d, InvalidArgumentError, type Tensor } from '@descent/core';
import {
  type ActivationFn,
  type ActivationSpec,
  activationName,
  resolveActivation,
} from '../activations/activation-fn';
import { LayerError } from '../errors';
import { checkShapeArg } from '../internal/check-layer';
import { type KernelBiasArgs, kernelBiasConfig, kernelBiasWeights } from '../internal/kernel-bias';
import { oneOf, posInt } from '../internal/options';
import { fmtSymbolic } from '../internal/shapes';
import { pair2, windowSize } from '../internal/window';
import { type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { SymbolicShape } from '../types';

export interface Conv2DArgs extends LayerArgs, KernelBiasArgs {
  /** Output channels. */
  filters: number;
  /** Window height and width. */
  kernelSize: number | readonly [number, number];
  /** Default 1. */
  strides?: number | readonly [number, number];
  /** 'valid' (default) or 'same' (TensorFlow's split: the extra row/column of padding goes after). */
  padding?: 'valid' | 'same';
  /** Default 1; Keras does not combine dilation > 1 with strides > 1, nor does this. */
  dilationRate?: number | readonly [number, number];
  /** Activation applied to the output (default none, linear). */
  activation?: ActivationSpec;
  /** Add a learned bias per filter (default true). */
  useBias?: boolean;
}

/**
 * 2-D convolution over NHWC images with an HWIO kernel `[kh, kw, inChannels, filters]`
 * (Keras' layouts; PyTorch uses NCHW and OIHW).
 *
 * @example
 * new Conv2D({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }); // [n,28,28,1] → [n,28,28,8]
 */
export class Conv2D extends Layer<{
  /** The filters, HWIO: `[kh, kw, inChannels, filters]`. */
  kernel: Tensor;
  /** One value per filter (absent with `useBias: false`). */
  bias?: Tensor;
}> {
  readonly className = 'Conv2D';
  /** Number of output channels. */
  readonly filters: number;
  /** Kernel height and width. */
  readonly kernelSize: [number, number];
  /** Vertical and horizontal stride. */
  readonly strides: [number, number];
  /** `'valid'` or `'same'`. */
  readonly padding: 'valid' | 'same';
  /** Vertical and horizontal dilation. */
  readonly dilationRate: [number, number];
  /** Activation applied to the output. */
  readonly activation: ActivationSpec;
  /** Whether a bias is added. */
  readonly useBias: boolean;
  private readonly args: Conv2DArgs;
  private channels: number | undefined;
  private act: ActivationFn | undefined;

  constructor(args: Conv2DArgs) {
    super(args);
    this.args = args;
    this.filters = posInt('Conv2D', 'filters', args?.filters);
    this.kernelSize = pair2('Conv2D', 'kernelSize', args.kernelSize);
    this.strides = pair2('Conv2D', 'strides', args.strides, [1, 1]);
    this.dilationRate = pair2('Conv2D', 'dilationRate', args.dilationRate, [1, 1]);
    this.padding = oneOf('Conv2D', 'padding', args.padding, ['valid', 'same'], 'valid');
    if (this.strides.some((s) => s > 1) && this.dilationRate.some((d) => d > 1))
      throw new InvalidArgumentError(
        'Conv2D',
        `strides > 1 cannot be combined with dilationRate > 1 (got ${this.strides} and ${this.dilationRate})`,
      );
    this.activation = args.activation ?? 'linear';
    this.useBias = args.useBias ?? true;
  }

  protected override inputSpec(): InputSpec {
    return { rank: 4, ...(this.channels !== undefined ? { axes: { 3: this.channels } } : {}) };
  }

  protected override build(inputShape: SymbolicShape): void {
    const channels = inputShape[3];
    if (channels === null || channels === undefined)
      throw new LayerError(
        this.name,
        `the channel axis of the input must be known to build, got ${fmtSymbolic(inputShape)}`,
        '[null,null,null,channels]',
        inputShape,
        this.className,
      );
    this.computeOutputShape(inputShape);
    this.act = resolveActivation(this.runtime!, this.activation);
    const weights = kernelBiasWeights(this.args);
    this.addWeight('kernel', [...this.kernelSize, channels, this.filters], weights.kernel);
    if (this.useBias) this.addWeight('bias', [this.filters], weights.bias);
    this.channels = channels;
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    const [n, h, w] = inputShape;
    const oh = windowSize(h ?? null, this.kernelSize[0], this.strides[0], this.dilationRate[0], this.padding);
    const ow = windowSize(w ?? null, this.kernelSize[1], this.strides[1], this.dilationRate[1], this.padding);
    if (oh === undefined || ow === undefined)
      throw new LayerError(
        this.name,
        `the ${this.kernelSize.join('x')} kernel (dilation ${this.dilationRate.join('x')}) does not fit input ${fmtSymbolic(inputShape)} with 'valid' padding`,
        undefined,
        inputShape,
        this.className,
      );
    return [n ?? null, oh, ow, this.filters];
  }

  protected forward(x: Tensor, w: { kernel: Tensor; bias?: Tensor }): Tensor {
    const y = conv2d(x, w.kernel, {
      strides: this.strides,
      padding: this.padding,
      dilations: this.dilationRate,
    });
    return this.act!(w.bias ? add(y, w.bias) : y);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      dilationRate: [...this.dilationRate],
      activation: activationName(this.activation),
      useBias: this.useBias,
      ...kernelBiasConfig(this.args),
    };
  }
}
