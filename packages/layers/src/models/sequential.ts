import { checkOptions, InvalidArgumentError, type Tensor } from '@descent/core';
import { LayerError } from '../errors';
import { checkShapeArg } from '../internal/check-layer';
import type { Layer, LayerConfig, LayerFactory } from '../layer';
import { deserializeLayer, serializeLayer } from '../serialization/layer-json';
import type { SymbolicShape } from '../types';
import { Model, type ModelArgs } from './model';

/** Options of `sequential` and `Sequential`. */
export type SequentialArgs = ModelArgs;

/**
 * A stack of layers, each fed the previous one's output. Builds from an input shape without
 * data (shapes flow through `computeOutputShape`), and saves as a JSON config.
 *
 * @example
 * const model = new Sequential({ layers: [new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 2 })] });
 */
export class Sequential extends Model {
  readonly className = 'Sequential';

  constructor(args: SequentialArgs = {}) {
    super(args);
    for (const layer of args.layers ?? []) this.track(layer);
  }

  /** Appends a layer (before the model is built). */
  add(layer: Layer): this {
    if (this.built)
      throw new LayerError(
        this.name,
        'is built; add layers before building it',
        undefined,
        undefined,
        this.className,
      );
    this.track(layer);
    return this;
  }

  protected override defaultInputShape(): SymbolicShape | undefined {
    const first = this.layers[0]?.inputShape;
    return super.defaultInputShape() ?? (first ? [null, ...first] : undefined);
  }

  override inputDtype() {
    return this.layers[0]?.inputDtype() ?? 'float32';
  }

  protected override build(inputShape: SymbolicShape): void {
    if (this.layers.length === 0)
      throw new LayerError(this.name, 'has no layers to build', undefined, undefined, this.className);
    const rt = this.runtime!;
    let shape = inputShape;
    for (const layer of this.layers) {
      layer.init(rt, shape);
      shape = layer.computeOutputShape(shape);
      this.outputShapes.set(layer, shape);
    }
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    return this.layers.reduce<SymbolicShape>((shape, layer) => layer.computeOutputShape(shape), inputShape);
  }

  protected body(x: Tensor): Tensor {
    return this.layers.reduce((h, layer) => layer.call(h), x);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      layers: this.layers.map((l) => serializeLayer(l)),
    };
  }

  /** The registered factory: rebuilds the layers through the registry. */
  static readonly fromConfig: LayerFactory = (config, { runtime }) => {
    const { layers, ...rest } = config;
    if (!Array.isArray(layers))
      throw new InvalidArgumentError('Sequential', 'config.layers must be an array');
    return new Sequential({
      ...(rest as ModelArgs),
      layers: layers.map((l) => deserializeLayer(runtime, l)),
    });
  };
}

/**
 * A `Sequential` model of `layers`.
 *
 * @example
 * const model = sequential([new Dense({ units: 8, activation: 'relu', inputShape: [4] }), new Dense({ units: 2 })]);
 * model.init(rt);
 * model.summary();
 */
export function sequential(
  layers: readonly Layer[] = [],
  args: Omit<SequentialArgs, 'layers'> = {},
): Sequential {
  checkOptions('sequential', args, 'args');
  return new Sequential({ ...args, layers });
}
