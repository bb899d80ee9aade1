import type { Tensor } from '@descent/core';
import { LayerError } from '../errors';
import { type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { SymbolicShape } from '../types';
import { checkShapeArg } from './check-layer';
import { oneOf } from './options';
import { fmtSymbolic } from './shapes';
import { pair2, windowSize } from './window';

export interface Pool2DArgs extends LayerArgs {
  /** Window height and width (default 2). */
  poolSize?: number | readonly [number, number];
  /** Default: the pool size. */
  strides?: number | readonly [number, number] | null;
  /** 'valid' (default) or 'same' (TensorFlow's split). */
  padding?: 'valid' | 'same';
}

/** What MaxPool2D and AvgPool2D share: NHWC input, window options, output shapes. */
export abstract class Pool2DLayer extends Layer<Record<string, never>> {
  /** Window height and width. */
  readonly poolSize: [number, number];
  /** Vertical and horizontal stride. */
  readonly strides: [number, number];
  /** `'valid'` or `'same'`. */
  readonly padding: 'valid' | 'same';

  constructor(op: string, args: Pool2DArgs) {
    super(args);
    this.poolSize = pair2(op, 'poolSize', args.poolSize, [2, 2]);
    this.strides = pair2(op, 'strides', args.strides ?? undefined, this.poolSize);
    this.padding = oneOf(op, 'padding', args.padding, ['valid', 'same'], 'valid');
  }

  protected override inputSpec(): InputSpec {
    return { rank: 4 };
  }

  protected override build(inputShape: SymbolicShape): void {
    this.computeOutputShape(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    const [n, h, w, c] = inputShape;
    const oh = windowSize(h ?? null, this.poolSize[0], this.strides[0], 1, this.padding);
    const ow = windowSize(w ?? null, this.poolSize[1], this.strides[1], 1, this.padding);
    if (oh === undefined || ow === undefined)
      throw new LayerError(
        this.name,
        `the ${this.poolSize.join('x')} window does not fit input ${fmtSymbolic(inputShape)} with 'valid' padding`,
        undefined,
        inputShape,
        this.className,
      );
    return [n ?? null, oh, ow, c ?? null];
  }

  protected abstract pool(x: Tensor): Tensor;

  protected forward(x: Tensor): Tensor {
    return this.pool(x);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      poolSize: [...this.poolSize],
      strides: [...this.strides],
      padding: this.padding,
    };
  }
}
