import { checkOptions, InvalidArgumentError, type ParamTree, Tensor, zeros } from '@descent/core';
import { LayerError } from '../errors';
import { type InvokeContext, withFrame } from '../internal/frames';
import { snakeCase } from '../internal/names';
import { batchless } from '../internal/shapes';
import { formatSummary } from '../internal/summary';
import { Layer, type LayerArgs, type WeightEntry } from '../layer';
import type { SymbolicShape } from '../types';

export interface ModelArgs extends LayerArgs {
  /** The layers the model holds, in order (a sequential model runs them in this order). */
  layers?: readonly Layer[];
}

/** Options of `model.summary`. */
export interface SummaryOptions {
  /** Where the lines go (default `console.log`); the text is also returned. */
  print?: (text: string) => void;
}

/**
 * A layer made of layers. Its parameters are its layers' parameters keyed by layer name, so
 * every weight has a stable path (`dense_1/kernel`); layers without a given name are named
 * per model as Keras does (`dense`, `dense_1`, ...). Subclasses `track` their layers in their
 * constructor and define `body`, where layers are called as plain functions.
 *
 * @example
 * class Residual extends Model {
 *   readonly className = 'Residual';
 *   private readonly inner = new Dense({ units: 16, activation: 'relu' });
 *   constructor() {
 *     super();
 *     this.track(this.inner);
 *   }
 *   protected body(x: Tensor) {
 *     return add(x, this.inner.call(x));
 *   }
 * }
 */
export abstract class Model extends Layer {
  private readonly list: Layer[] = [];
  /** Output shape of each layer, recorded at build. */
  protected readonly outputShapes = new Map<Layer, SymbolicShape>();

  /**
   * Subclasses add `args.layers` with `track` in their own constructor, once their fields
   * (`className`) exist.
   */
  constructor(args: ModelArgs = {}) {
    super(args);
    if (args.layers !== undefined && !Array.isArray(args.layers))
      throw new InvalidArgumentError(
        new.target.name,
        `layers must be an array of layers, got ${typeof args.layers}`,
      );
  }

  /** The layers, in order. */
  get layers(): readonly Layer[] {
    return this.list;
  }

  /** The layer of that name. */
  getLayer(name: string): Layer {
    const layer = this.list.find((l) => l.name === name);
    if (!layer)
      throw new LayerError(
        this.name,
        `has no layer "${name}" (layers: ${this.list.map((l) => l.name).join(', ')})`,
        undefined,
        undefined,
        this.className,
      );
    return layer;
  }

  /** Adds a layer to the model, naming it if it has no name. */
  protected track(layer: Layer): void {
    if (!(layer instanceof Layer))
      throw new InvalidArgumentError(
        this.className,
        `expected a Layer, got ${layer === null ? 'null' : typeof layer}`,
      );
    if (layer === this || this.list.includes(layer))
      throw new LayerError(
        this.name,
        `already contains layer "${layer.name}"`,
        undefined,
        undefined,
        this.className,
      );
    const taken = new Set(this.list.map((l) => l.name));
    if (!layer.hasGivenName) {
      const base = snakeCase(layer.className);
      let name = base;
      for (let i = 1; taken.has(name); i++) name = `${base}_${i}`;
      layer._assignName(name);
    }
    if (taken.has(layer.name))
      throw new LayerError(
        this.name,
        `has two layers named "${layer.name}"; names are parameter paths and must be unique`,
        undefined,
        undefined,
        this.className,
      );
    this.list.push(layer);
  }

  /**
   * Builds by running `body` once on zeros of the input shape (batch 1): each layer builds on
   * its first call, and its output shape is recorded for `summary()`. Every listed layer must be
   * called. Sequential overrides this with shape inference.
   */
  protected override build(inputShape: SymbolicShape): void {
    const rt = this.runtime!;
    const record = new Map<Layer, SymbolicShape>();
    rt.tidy(() => {
      const x = zeros(
        rt,
        inputShape.map((d) => d ?? 1),
        this.inputDtype(),
      );
      const bindings = new Map<Layer, ParamTree | undefined>(this.list.map((l) => [l, undefined]));
      const ctx = { training: false, trainable: this.trainable, update: false, path: '' };
      withFrame({ model: this, bindings, ctx, record }, () => this.body(x, { training: false }));
    });
    const unused = this.list.filter((l) => !l.built);
    if (unused.length)
      throw new LayerError(
        this.name,
        `lists layers its forward function never calls: ${unused.map((l) => l.name).join(', ')}`,
        undefined,
        undefined,
        this.className,
      );
    for (const [layer, shape] of record) this.outputShapes.set(layer, shape);
  }

  /** The model's computation: call its layers (`layer.call(x)`) as functions. */
  protected abstract body(x: Tensor, ctx: { training: boolean }): Tensor;

  protected forward(): Tensor {
    throw new InvalidArgumentError(this.name, 'a model runs through call/apply');
  }

  override _invoke(x: Tensor, params: ParamTree | undefined, ctx: InvokeContext): Tensor {
    if (!(x instanceof Tensor))
      throw new InvalidArgumentError(
        this.name,
        `expected the input to be a Tensor, got ${Array.isArray(x) ? 'an array' : typeof x}`,
      );
    x.assertAlive(this.name);
    if (!this.built) this.init(x.runtime, batchless(x.shape));
    const bindings = this.bind(params, ctx.path);
    const rt = x.runtime;
    return withFrame({ model: this, bindings, ctx }, () =>
      rt.tidy(() => {
        const y = this.body(x, { training: ctx.training });
        if (!(y instanceof Tensor))
          throw new InvalidArgumentError(this.name, `the model's body must return a Tensor, got ${typeof y}`);
        return y;
      }),
    );
  }

  /** Which parameters each layer runs on: its subtree of `params`, or its own weights. */
  private bind(params: ParamTree | undefined, path: string): Map<Layer, ParamTree | undefined> {
    const bindings = new Map<Layer, ParamTree | undefined>(this.list.map((l) => [l, undefined]));
    if (params === undefined) return bindings;
    if (params instanceof Tensor || typeof params !== 'object' || params === null || Array.isArray(params))
      throw new LayerError(
        this.name,
        'parameters must be an object keyed by layer name',
        undefined,
        undefined,
        this.className,
      );
    for (const [key, sub] of Object.entries(params as Record<string, ParamTree>)) {
      const layer = this.list.find((l) => l.name === key);
      if (!layer)
        throw new LayerError(
          this.name,
          `unknown parameter "${path}${key}": no layer of that name (layers: ${this.list.map((l) => l.name).join(', ')})`,
          undefined,
          undefined,
          this.className,
        );
      bindings.set(layer, sub);
    }
    return bindings;
  }

  override variables(prefix = '', parentTrainable = true): WeightEntry[] {
    return this.list.flatMap((l) => l.variables(`${prefix}${l.name}/`, parentTrainable && this.trainable));
  }

  /**
   * Prints (and returns) a table of the layers, their output shapes and parameter counts, with
   * totals, like Keras' `model.summary()`.
   *
   * @example
   * model.summary();
   * // Model: "sequential"
   * //  Layer (type)                Output Shape              Param #
   * //  dense (Dense)               (None, 8)                 40
   */
  summary(options: SummaryOptions = {}): string {
    checkOptions('summary', options);
    if (!this.built)
      throw new LayerError(
        this.name,
        'is not built yet: call init(rt, inputShape) or call it on data first',
        undefined,
        undefined,
        this.className,
      );
    const text = formatSummary(
      this.name,
      this.list.map((l) => ({
        name: l.name,
        className: l.className,
        outputShape: this.outputShapes.get(l),
        params: l.countParams(),
      })),
      {
        total: this.countParams(),
        trainable: this.countParams('trainable'),
        nonTrainable: this.countParams('nonTrainable'),
      },
    );
    (options.print ?? console.log)(text);
    return text;
  }

  override dispose(): void {
    for (const l of this.list) l.dispose();
    this.outputShapes.clear();
    super.dispose();
  }
}
