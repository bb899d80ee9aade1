import { reshape, type Tensor } from '@descent/core';
import { checkShapeArg } from '../internal/check-layer';
import { type InputSpec, Layer } from '../layer';
import type { SymbolicShape } from '../types';

/**
 * Flattens every axis but the batch axis: `[n, h, w, c]` → `[n, h·w·c]`. No copy.
 *
 * @example
 * sequential([new Conv2D({ filters: 4, kernelSize: 3 }), new Flatten(), new Dense({ units: 10 })]);
 */
export class Flatten extends Layer<Record<string, never>> {
  readonly className = 'Flatten';

  protected override inputSpec(): InputSpec {
    return { minRank: 1 };
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    const rest = inputShape.slice(1);
    return [
      inputShape[0] ?? null,
      rest.includes(null) ? null : (rest as number[]).reduce((a, b) => a * b, 1),
    ];
  }

  protected forward(x: Tensor): Tensor {
    return reshape(x, [x.shape[0]!, x.shape.slice(1).reduce((a, b) => a * b, 1)]);
  }
}
