import { mean, type Tensor } from '@descent/core';
import { checkShapeArg } from '../internal/check-layer';
import { bool } from '../internal/options';
import { type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { SymbolicShape } from '../types';

export interface GlobalAveragePooling2DArgs extends LayerArgs {
  /** Keep the spatial axes as size 1 (`[n,1,1,c]`). Default false (`[n,c]`). */
  keepDims?: boolean;
}

/**
 * Mean over the spatial axes of NHWC images: `[n,h,w,c]` → `[n,c]`.
 *
 * @example
 * new GlobalAveragePooling2D(); // the usual head before a classifier
 */
export class GlobalAveragePooling2D extends Layer<Record<string, never>> {
  readonly className = 'GlobalAveragePooling2D';
  /** Whether the spatial axes are kept as size 1. */
  readonly keepDims: boolean;

  constructor(args: GlobalAveragePooling2DArgs = {}) {
    super(args);
    this.keepDims = bool('GlobalAveragePooling2D', 'keepDims', args.keepDims, false);
  }

  protected override inputSpec(): InputSpec {
    return { rank: 4 };
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    const [n, , , c] = inputShape;
    return this.keepDims ? [n ?? null, 1, 1, c ?? null] : [n ?? null, c ?? null];
  }

  protected forward(x: Tensor): Tensor {
    return mean(x, [1, 2], this.keepDims);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), keepDims: this.keepDims };
  }
}
