import { InvalidArgumentError, reshape, type Tensor } from '@descent/core';
import { LayerError } from '../errors';
import { checkShapeArg } from '../internal/check-layer';
import { fmtSymbolic } from '../internal/shapes';
import { type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { SymbolicShape } from '../types';

export interface ReshapeArgs extends LayerArgs {
  /** Shape of each sample (no batch axis); one axis may be -1, inferred from the size. */
  targetShape: readonly number[];
}

/**
 * Reshapes each sample: `[n, ...]` → `[n, ...targetShape]`. No copy.
 *
 * @example
 * new Reshape({ targetShape: [28, 28, 1] }); // [n, 784] → [n, 28, 28, 1]
 */
export class Reshape extends Layer<Record<string, never>> {
  readonly className = 'Reshape';
  /** Shape of each sample after the reshape (batch axis excluded). */
  readonly targetShape: readonly number[];

  constructor(args: ReshapeArgs) {
    super(args);
    const t = args?.targetShape;
    if (
      !Array.isArray(t) ||
      !t.every((d) => Number.isInteger(d) && d >= -1) ||
      t.filter((d) => d === -1).length > 1
    )
      throw new InvalidArgumentError(
        'Reshape',
        `targetShape must be non-negative integers with at most one -1, got ${JSON.stringify(t)}`,
      );
    this.targetShape = [...t];
  }

  protected override inputSpec(): InputSpec {
    return { minRank: 1 };
  }

  /** The target with -1 resolved for samples of `size` elements (null if unknown). */
  private resolve(size: number | null, inputShape: SymbolicShape): (number | null)[] {
    const known = this.targetShape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    const hole = this.targetShape.indexOf(-1);
    const fail = () => {
      throw new LayerError(
        this.name,
        `cannot reshape samples of input ${fmtSymbolic(inputShape)} to ${fmtSymbolic([null, ...this.targetShape])}`,
        fmtSymbolic([null, ...this.targetShape]),
        inputShape,
        this.className,
      );
    };
    if (size === null) return this.targetShape.map((d) => (d === -1 ? null : d));
    if (hole < 0) {
      if (known !== size) fail();
      return [...this.targetShape];
    }
    if (known === 0 || size % known !== 0) fail();
    return this.targetShape.map((d) => (d === -1 ? size / known : d));
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    const rest = inputShape.slice(1);
    const size = rest.includes(null) ? null : (rest as number[]).reduce((a, b) => a * b, 1);
    return [inputShape[0] ?? null, ...this.resolve(size, inputShape)];
  }

  protected override build(inputShape: SymbolicShape): void {
    this.computeOutputShape(inputShape);
  }

  protected forward(x: Tensor): Tensor {
    const size = x.shape.slice(1).reduce((a, b) => a * b, 1);
    return reshape(x, [x.shape[0]!, ...(this.resolve(size, x.shape) as number[])]);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), targetShape: [...this.targetShape] };
  }
}
