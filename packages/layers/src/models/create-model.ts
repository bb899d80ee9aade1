import { type DType, describeValue, InvalidArgumentError, type Tensor } from '@descent/core';
import type { LayerConfig } from '../layer';
import { Model, type ModelArgs } from './model';

export interface CreateModelArgs extends ModelArgs {
  /** The model's computation, calling its layers as plain functions. */
  forward: (x: Tensor, ctx: { training: boolean }) => Tensor;
  /** dtype of the zeros the model is built on (int32 for token ids). Default float32. */
  inputDtype?: DType;
}

/**
 * A model whose computation is a function composing its layers. It builds by running that
 * function once on zeros of the input shape (recording each layer's output shape), and its
 * parameters are its layers', keyed by layer name. Its config cannot hold the function, so it
 * saves weights only: rebuild it in code, then `loadWeights`.
 */
export class ComposedModel extends Model {
  readonly className = 'ComposedModel';
  private readonly fn: CreateModelArgs['forward'];
  private readonly dtype: DType;

  constructor(args: CreateModelArgs) {
    super(args);
    if (typeof args?.forward !== 'function')
      throw new InvalidArgumentError(
        'createModel',
        `forward must be a function (x, ctx) => Tensor, got ${describeValue(args?.forward)}`,
      );
    this.fn = args.forward;
    this.dtype = args.inputDtype ?? 'float32';
    for (const layer of args.layers ?? []) this.track(layer);
  }

  override inputDtype(): DType {
    return this.dtype;
  }

  protected body(x: Tensor, ctx: { training: boolean }): Tensor {
    return this.fn(x, ctx);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), layers: this.layers.map((l) => l.name) };
  }
}

/**
 * A model from layers and a function composing them: the layers are called as plain functions,
 * and `apply(params, x)` runs them on `params` (keyed by layer name) so gradients reach them.
 *
 * @example
 * const hidden = new Dense({ units: 16, activation: 'relu' });
 * const out = new Dense({ units: 3 });
 * const skip = new Dense({ units: 3 });
 * const model = createModel({ layers: [hidden, out, skip], forward: (x) => add(out.call(hidden.call(x)), skip.call(x)) });
 * model.init(rt, [null, 4]);
 */
export function createModel(args: CreateModelArgs): ComposedModel {
  return new ComposedModel(args);
}
