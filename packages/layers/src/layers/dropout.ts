import {
  cast,
  div,
  greaterEqual,
  InvalidArgumentError,
  mul,
  randomUniform,
  type Tensor,
} from '@descent/core';
import { checkShapeArg } from '../internal/check-layer';
import { type ForwardContext, type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { SymbolicShape } from '../types';

export interface DropoutArgs extends LayerArgs {
  /** Fraction of inputs zeroed in training, in [0, 1). */
  rate: number;
  /**
   * Shape of the mask, broadcast over the input (`null` takes the input's size), e.g.
   * `[null, 1, 1, null]` drops whole channels of NHWC images.
   */
  noiseShape?: SymbolicShape | null;
}

/**
 * In training, zeroes each input with probability `rate` and scales the rest by 1/(1 - rate);
 * at inference it is the identity. The mask comes from the runtime's seeded RNG, so a run is
 * reproducible from its seed.
 *
 * @example
 * new Dropout({ rate: 0.5 }).call(x, { training: true });
 */
export class Dropout extends Layer<Record<string, never>> {
  readonly className = 'Dropout';
  /** Fraction of inputs zeroed in training. */
  readonly rate: number;
  /** Shape of the mask (`null` axes take the input's size), or undefined for the input's shape. */
  readonly noiseShape: SymbolicShape | undefined;

  constructor(args: DropoutArgs) {
    super(args);
    const rate = args?.rate;
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1))
      throw new InvalidArgumentError('Dropout', `rate must be in [0, 1), got ${JSON.stringify(rate)}`);
    this.rate = rate;
    this.noiseShape = args.noiseShape ?? undefined;
  }

  protected override inputSpec(): InputSpec {
    return this.noiseShape ? { rank: this.noiseShape.length } : {};
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    return inputShape;
  }

  protected forward(x: Tensor, _w: Record<string, never>, ctx: ForwardContext): Tensor {
    if (!ctx.training || this.rate === 0) return x;
    const shape = this.noiseShape ? this.noiseShape.map((d, i) => d ?? x.shape[i]!) : x.shape;
    const keep = cast(
      greaterEqual(randomUniform(ctx.runtime, shape, { backend: x.backendName }), this.rate),
      'float32',
    );
    return mul(x, div(keep, 1 - this.rate));
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      rate: this.rate,
      noiseShape: this.noiseShape ? [...this.noiseShape] : null,
    };
  }
}
