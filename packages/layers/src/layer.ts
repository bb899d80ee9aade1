import {
  add,
  checkOptions,
  checkRuntime,
  type DType,
  describeValue,
  fill,
  flattenParams,
  fmtShape,
  InvalidArgumentError,
  type ParamTree,
  type Runtime,
  type Shape,
  shapesEqual,
  Tensor,
  zeros,
} from '@descent/core';
import { LayerError } from './errors';
import { type InitializerSpec, resolveInitializer } from './initializers/initializer';
import { currentFrame, type InvokeContext, initializersSkipped, type StateUpdate } from './internal/frames';
import { checkName, snakeCase } from './internal/names';
import { batchless, fmtSymbolic, isSymbolicShape } from './internal/shapes';
import {
  type ConstraintSpec,
  type RegularizerSpec,
  resolveConstraint,
  resolveRegularizer,
} from './regularizer';
import type { JsonValue, SymbolicShape } from './types';
import { Variable } from './variable';

export type { StateUpdate } from './internal/frames';

/** Options every layer takes. */
export interface LayerArgs {
  /** Unique within a model; by default the model names it like Keras (`dense`, `dense_1`, ...). */
  name?: string;
  /** `false` freezes every weight of the layer (they become non-trainable). */
  trainable?: boolean;
  /** Input shape without the batch axis (Keras' `input_shape`), so a model can build without data. */
  inputShape?: SymbolicShape;
}

/** A layer's JSON config: its constructor options, with names and `{className, config}` for objects. */
export type LayerConfig = Record<string, JsonValue>;

/** Options of `layer.call` and `model.call`. */
export interface CallOptions {
  /** Training behaviour (Dropout on, BatchNormalization on batch statistics). Default false. */
  training?: boolean;
}

/** Options of `apply`, which runs a layer or model on explicit weights (a parameter tree). */
export interface ApplyOptions extends CallOptions {
  /**
   * Where values computed for non-trainable weights in training mode go (BatchNormalization's
   * moving statistics): `true` (default) assigns them to the layer's own weights, as Keras does;
   * `false` drops them; a function receives each with its path and owns it (dispose it).
   */
  updateState?: boolean | StateUpdate;
}

/** What `forward` gets besides the input and the weights. */
export interface ForwardContext {
  /** Whether this is a training call (`CallOptions.training`). */
  readonly training: boolean;
  /**
   * Whether the layer and every model containing it are trainable. A frozen BatchNormalization
   * runs in inference mode even when training, as in Keras (for fine-tuning).
   */
  readonly trainable: boolean;
  /** The runtime the input lives on; create new tensors on it. */
  readonly runtime: Runtime;
  /**
   * Gives a non-trainable weight its next value (moving statistics). The value is cut from the
   * gradient tape and goes where `ApplyOptions.updateState` says.
   */
  updateState(name: string, value: Tensor): void;
}

/** What a layer accepts; checked on every call, with errors naming the layer and both shapes. */
export interface InputSpec {
  /** Exact rank. */
  rank?: number;
  /** Least rank. */
  minRank?: number;
  /** Required sizes of some axes (negative counts from the end). */
  axes?: Readonly<Record<number, number>>;
  /** Accepted dtypes (default float32). */
  dtypes?: readonly DType[];
}

/** Options of `addWeight`. */
export interface WeightOptions {
  /** Default `glorotUniform`, as Keras. */
  initializer?: InitializerSpec;
  /** Default true. */
  trainable?: boolean;
  /** Penalty on the weight, added to the loss (default none). */
  regularizer?: RegularizerSpec | null;
  /** Projection applied to the weight after each update (default none). */
  constraint?: ConstraintSpec | null;
}

/** A weight with its path from the layer (`dense_1/kernel` from a model) and whether it trains. */
export interface WeightEntry {
  /** The weight's path, e.g. `'dense_1/kernel'`. */
  readonly path: string;
  /** The weight itself. */
  readonly variable: Variable;
  /** Whether optimizers train it: the variable, its layer and every model containing it are trainable. */
  readonly trainable: boolean;
}

/** Parameters of a layer or model: tensors keyed by weight name, nested by layer name in models. */
export type LayerParams = { readonly [name: string]: ParamTree };

/** What the registry holds under kind `layer`: a factory from a saved config. */
export type LayerFactory = (config: LayerConfig, context: { runtime: Runtime }) => Layer;

/** The weights `forward` receives, by name; optional ones (a bias) may be absent. */
export type Weights = { readonly [name: string]: Tensor | undefined };

/**
 * The base of every layer: named weights (trainable or not) created in `build` from the input
 * shape, and a `forward` that computes the output from the input and those weights. A layer is
 * called on its own weights (`call`) or on given parameters (`apply`, what gradients need).
 * Custom layers extend it exactly as the built-ins do and register a factory under kind `layer`.
 *
 * @example
 * class Scale extends Layer<{ scale: Tensor }> {
 *   readonly className = 'Scale';
 *   protected override build(inputShape: SymbolicShape) {
 *     this.addWeight('scale', [inputShape.at(-1)!], { initializer: 'ones' });
 *   }
 *   protected forward(x: Tensor, w: { scale: Tensor }) {
 *     return mul(x, w.scale);
 *   }
 * }
 */
export abstract class Layer<W extends Weights = Weights> {
  /** The name the layer is registered and saved under (`Dense`). */
  abstract readonly className: string;
  /** `false` freezes every weight of the layer. */
  trainable: boolean;
  /** Input shape without the batch axis, if given. */
  readonly inputShape: SymbolicShape | undefined;
  private readonly ownName: string | undefined;
  private autoName: string | undefined;
  private rt: Runtime | undefined;
  private readonly vars = new Map<string, Variable>();
  private buildShape: SymbolicShape | undefined;
  private building = false;

  constructor(args: LayerArgs = {}) {
    const op = new.target.name;
    checkOptions(op, args);
    this.ownName =
      args.name === undefined || args.name === null ? undefined : checkName(op, 'name', args.name);
    this.trainable = args.trainable ?? true;
    if (typeof this.trainable !== 'boolean')
      throw new InvalidArgumentError(
        op,
        `trainable must be a boolean, got ${JSON.stringify(args.trainable)}`,
      );
    if (args.inputShape !== undefined && args.inputShape !== null && !isSymbolicShape(args.inputShape))
      throw new InvalidArgumentError(
        op,
        `inputShape must be sizes or null, got ${JSON.stringify(args.inputShape)}`,
      );
    this.inputShape = args.inputShape ?? undefined;
  }

  /** The layer's name: given, else assigned by its model, else the snake-cased class name. */
  get name(): string {
    return this.ownName ?? this.autoName ?? snakeCase(this.className);
  }

  /** Whether the name was given rather than assigned. */
  get hasGivenName(): boolean {
    return this.ownName !== undefined;
  }

  /** @internal a model names its unnamed layers once. */
  _assignName(name: string): void {
    if (this.ownName === undefined && this.autoName === undefined) this.autoName = name;
  }

  /** Whether the weights exist. */
  get built(): boolean {
    return this.buildShape !== undefined;
  }

  /** The input shape the layer was built for (batch axis `null`). */
  get builtInputShape(): SymbolicShape | undefined {
    return this.buildShape;
  }

  /** The runtime holding the weights, once built. */
  get runtime(): Runtime | undefined {
    return this.rt;
  }

  // ---- building ------------------------------------------------------------------------

  /**
   * Creates the weights for inputs of `inputShape` (batch axis `null`), drawing from `rt`'s
   * seeded RNG. Calling a layer builds it on first use; a model needs this (or a first call)
   * before its parameters exist.
   *
   * @example
   * const model = sequential([new Dense({ units: 8 }), new Dense({ units: 2 })]).init(rt, [null, 4]);
   */
  init(rt: Runtime, inputShape?: SymbolicShape): this {
    checkRuntime('init', `${this.name}: the first argument`, rt);
    const shape = inputShape ?? this.defaultInputShape();
    if (!shape)
      throw new LayerError(
        this.name,
        'no input shape to build for: pass one, e.g. init(rt, [null, 784]), or give inputShape',
        undefined,
        undefined,
        this.className,
      );
    if (!isSymbolicShape(shape))
      throw new InvalidArgumentError(
        'init',
        `${this.name}: expected a shape of sizes or null, got ${JSON.stringify(shape)}`,
      );
    if (this.built || this.building) {
      if (rt !== this.rt)
        throw new LayerError(
          this.name,
          'is already built on another runtime',
          undefined,
          undefined,
          this.className,
        );
      if (this.built) this.checkShape(shape);
      return this;
    }
    this.checkShape(shape);
    this.rt = rt;
    this.building = true;
    try {
      this.build(shape);
      this.buildShape = [...shape];
    } catch (e) {
      for (const v of this.vars.values()) v.dispose();
      this.vars.clear();
      this.rt = undefined;
      throw e;
    } finally {
      this.building = false;
    }
    return this;
  }

  /** The build shape when none is given: `[null, ...inputShape]`. */
  protected defaultInputShape(): SymbolicShape | undefined {
    return this.inputShape ? [null, ...this.inputShape] : undefined;
  }

  /** Creates the weights (with `addWeight`) for `inputShape`. Layers without weights need not override it. */
  protected build(_inputShape: SymbolicShape): void {}

  /** Adds a weight, initialized from the runtime RNG; call it from `build`. Returns its value. */
  protected addWeight(name: string, shape: Shape, options: WeightOptions = {}): Tensor {
    const rt = this.rt;
    if (!rt || !this.building)
      throw new InvalidArgumentError('addWeight', `${this.name}: weights are added in build()`);
    checkName('addWeight', `weight name of layer "${this.name}"`, name);
    if (this.vars.has(name))
      throw new InvalidArgumentError('addWeight', `${this.name} already has a weight "${name}"`);
    const value = rt.tidy(() =>
      initializersSkipped()
        ? zeros(rt, shape)
        : resolveInitializer(rt, options.initializer ?? 'glorotUniform').init(rt, shape),
    );
    if (!shapesEqual(value.shape, shape) || value.dtype !== 'float32') {
      value.dispose();
      throw new InvalidArgumentError(
        'addWeight',
        `${this.name}/${name}: the initializer made ${value.dtype} ${fmtShape(value.shape)}, expected float32 ${fmtShape(shape)}`,
      );
    }
    const regularizer = options.regularizer ? resolveRegularizer(rt, options.regularizer) : undefined;
    const constraint = options.constraint ? resolveConstraint(rt, options.constraint) : undefined;
    this.vars.set(name, new Variable(name, value, options.trainable ?? true, regularizer, constraint));
    return value;
  }

  /** The output shape for an input shape (batch axis `null`). By default found by a dry run on zeros. */
  computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    if (!isSymbolicShape(inputShape))
      throw new InvalidArgumentError(
        'computeOutputShape',
        `${this.name}: expected a shape of sizes or null, got ${describeValue(inputShape)}`,
      );
    const rt = this.rt;
    if (!rt)
      throw new LayerError(
        this.name,
        'build it before asking for its output shape',
        undefined,
        undefined,
        this.className,
      );
    return rt.tidy(() => {
      const x = zeros(
        rt,
        inputShape.map((d) => d ?? 1),
        this.inputDtype(),
      );
      const out = this._invoke(x, undefined, {
        training: false,
        trainable: this.trainable,
        update: false,
        path: '',
      });
      return batchless(out.shape);
    });
  }

  /** The dtype a dry run feeds this layer (int32 for Embedding). */
  inputDtype(): DType {
    return this.inputSpec()?.dtypes?.[0] ?? 'float32';
  }

  /** What inputs the layer takes now (before build: rank limits; after: sizes too). */
  protected inputSpec(): InputSpec | undefined {
    return undefined;
  }

  // ---- the forward pass ----------------------------------------------------------------

  /** The output for input `x` given the layer's weights (or the parameters `apply` received). */
  protected abstract forward(x: Tensor, weights: W, ctx: ForwardContext): Tensor;

  /**
   * Runs the layer on its own weights, building it on first use. Inside a model's forward
   * function it uses the parameters the model was applied with, so layers compose as functions.
   *
   * @example
   * const y = new Dense({ units: 2 }).call(x);
   */
  call(x: Tensor, options: CallOptions = {}): Tensor {
    checkOptions(`${this.name}.call`, options);
    const frame = currentFrame();
    if (!frame)
      return this._invoke(x, undefined, {
        training: options.training ?? false,
        trainable: this.trainable,
        update: true,
        path: '',
      });
    if (!frame.bindings.has(this)) {
      throw new LayerError(
        this.name,
        `is called inside model "${frame.model.name}", which does not list it among its layers; add it there so its weights belong to the model`,
        undefined,
        undefined,
        this.className,
      );
    }
    const out = this._invoke(x, frame.bindings.get(this), {
      training: options.training ?? frame.ctx.training,
      trainable: frame.ctx.trainable && this.trainable,
      update: frame.ctx.update,
      path: `${frame.ctx.path}${this.name}/`,
    });
    frame.record?.set(this, batchless(out.shape));
    return out;
  }

  /**
   * Runs the layer on given parameters: the functional form gradients are taken through.
   * `params` is shaped like `params()`; leaves left out are taken from the layer's own weights
   * (as constants), so passing `trainableParams()` is enough.
   *
   * @example
   * const { value, grads } = valueAndGrad((p) => loss(y, model.apply(p, x, { training: true })))(model.trainableParams());
   */
  apply(params: LayerParams, x: Tensor, options: ApplyOptions = {}): Tensor {
    checkOptions(`${this.name}.apply`, options);
    return this._invoke(x, params, {
      training: options.training ?? false,
      trainable: this.trainable,
      update: options.updateState ?? true,
      path: '',
    });
  }

  /** @internal runs the layer with resolved parameters. */
  _invoke(x: Tensor, params: ParamTree | undefined, ctx: InvokeContext): Tensor {
    if (!(x instanceof Tensor))
      throw new InvalidArgumentError(
        this.name,
        `expected the input to be a Tensor, got ${Array.isArray(x) ? 'an array' : typeof x}`,
      );
    x.assertAlive(this.name);
    if (!this.built) this.init(x.runtime, batchless(x.shape));
    this.checkInput(x);
    const weights = this.resolveWeights(params, ctx.path) as W;
    const rt = x.runtime;
    const fctx: ForwardContext = {
      training: ctx.training,
      trainable: ctx.trainable,
      runtime: rt,
      updateState: (name, value) => this.updateState(name, value, ctx),
    };
    return rt.tidy(() => this.forward(x, weights, fctx));
  }

  private resolveWeights(params: ParamTree | undefined, path: string): Weights {
    const out: Record<string, Tensor> = {};
    if (params === undefined) {
      for (const v of this.vars.values()) out[v.name] = v.value;
      return out;
    }
    if (params instanceof Tensor || typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new LayerError(
        this.name,
        `parameters${path ? ` "${path.slice(0, -1)}"` : ''} must be an object of tensors by weight name`,
        undefined,
        undefined,
        this.className,
      );
    }
    const given = params as Record<string, ParamTree>;
    for (const key of Object.keys(given)) {
      if (!this.vars.has(key)) {
        const have = [...this.vars.keys()].join(', ') || 'no weights';
        throw new LayerError(
          this.name,
          `unknown parameter "${path}${key}" (the layer has ${have})`,
          undefined,
          undefined,
          this.className,
        );
      }
    }
    for (const v of this.vars.values()) {
      const p = given[v.name];
      if (p === undefined) {
        out[v.name] = v.value;
        continue;
      }
      if (!(p instanceof Tensor))
        throw new LayerError(
          this.name,
          `parameter "${path}${v.name}" must be a Tensor`,
          undefined,
          undefined,
          this.className,
        );
      p.assertAlive(`${this.name} (parameter "${path}${v.name}")`);
      if (!shapesEqual(p.shape, v.shape) || p.dtype !== v.dtype) {
        throw new LayerError(
          this.name,
          `parameter "${path}${v.name}" is ${p.dtype} ${fmtShape(p.shape)}, expected ${v.dtype} ${fmtShape(v.shape)}`,
          fmtShape(v.shape),
          p.shape,
          this.className,
        );
      }
      out[v.name] = p;
    }
    return out;
  }

  private updateState(name: string, value: Tensor, ctx: InvokeContext): void {
    const v = this.vars.get(name);
    if (!v || v.trainable)
      throw new InvalidArgumentError('updateState', `${this.name} has no non-trainable weight "${name}"`);
    const rt = value.runtime;
    // A view is a new handle the tape never saw: the update is a constant to autograd.
    const detached = rt.view(value);
    if (ctx.update === false) return;
    if (typeof ctx.update === 'function') ctx.update(`${ctx.path}${name}`, rt.keep(detached));
    else v.assign(detached, `${this.name}/${name}`);
  }

  private checkShape(shape: SymbolicShape): void {
    this.checkAgainstSpec(shape, (d) => d === null);
  }

  private checkInput(x: Tensor): void {
    const spec = this.inputSpec();
    const dtypes = spec?.dtypes ?? ['float32'];
    if (!dtypes.includes(x.dtype)) {
      throw new LayerError(
        this.name,
        `expected a ${dtypes.join(' or ')} input, received ${x.dtype} ${fmtShape(x.shape)}`,
        undefined,
        x.shape,
        this.className,
      );
    }
    this.checkAgainstSpec(x.shape, () => false);
  }

  private checkAgainstSpec(shape: SymbolicShape, unknown: (d: number | null) => boolean): void {
    const spec = this.inputSpec();
    if (!spec) return;
    const rank = shape.length;
    const rankOk =
      (spec.rank === undefined || rank === spec.rank) && (spec.minRank === undefined || rank >= spec.minRank);
    const axes = Object.entries(spec.axes ?? {}).map(([a, size]) => [Number(a), size] as const);
    const axesOk = axes.every(([a, size]) => {
      const i = a < 0 ? rank + a : a;
      const d = shape[i];
      return d !== undefined && (unknown(d) || d === size);
    });
    if (rankOk && axesOk) return;
    const expectedRank = spec.rank ?? Math.max(spec.minRank ?? 0, rank);
    const expected: (number | null)[] = new Array(expectedRank).fill(null);
    for (const [a, size] of axes) expected[a < 0 ? expectedRank + a : a] = size;
    const what =
      spec.rank !== undefined
        ? `rank ${spec.rank}`
        : spec.minRank !== undefined
          ? `rank >= ${spec.minRank}`
          : '';
    throw new LayerError(
      this.name,
      `expected input of shape ${fmtSymbolic(expected)}${what && !rankOk ? ` (${what})` : ''}, received ${fmtSymbolic(shape)}`,
      fmtSymbolic(expected),
      shape,
      this.className,
    );
  }

  // ---- parameters ----------------------------------------------------------------------

  /** Every weight with its path from this layer, trainable or not, in a stable order. */
  variables(prefix = '', parentTrainable = true): WeightEntry[] {
    return [...this.vars.values()].map((variable) => ({
      path: `${prefix}${variable.name}`,
      variable,
      trainable: parentTrainable && this.trainable && variable.trainable,
    }));
  }

  /** All weights as a tree (`{ kernel, bias }`; nested by layer name in a model). Owned by the layer: do not dispose. */
  params(): LayerParams {
    return treeOf(this.variables());
  }

  /** The weights an optimizer trains, as a tree keyed by path: what to differentiate with respect to. */
  trainableParams(): LayerParams {
    return treeOf(this.variables().filter((v) => v.trainable));
  }

  /** Weights not trained by gradients (moving statistics, frozen layers). */
  nonTrainableParams(): LayerParams {
    return treeOf(this.variables().filter((v) => !v.trainable));
  }

  /** Number of scalar weights (all, or only trainable / non-trainable ones). */
  countParams(which: 'all' | 'trainable' | 'nonTrainable' = 'all'): number {
    if (which !== 'all' && which !== 'trainable' && which !== 'nonTrainable')
      throw new InvalidArgumentError(
        'countParams',
        `${this.name}: expected 'all', 'trainable' or 'nonTrainable', got ${describeValue(which)}`,
      );
    return this.variables()
      .filter((v) => which === 'all' || v.trainable === (which === 'trainable'))
      .reduce((n, v) => n + v.variable.value.size, 0);
  }

  /**
   * Sets weights from a tree shaped like (part of) `params()`, e.g. after an optimizer step.
   * Every path and shape is checked before anything changes. The caller keeps its tensors.
   *
   * @example
   * model.assign(newParams);
   */
  assign(tree: ParamTree): void {
    const byPath = new Map(this.variables().map((v) => [v.path, v.variable]));
    const leaves = flattenParams('assign', tree);
    for (const { path, tensor } of leaves) {
      const v = byPath.get(path);
      if (!v)
        throw new LayerError(
          this.name,
          `assign: no weight at "${path}"`,
          undefined,
          undefined,
          this.className,
        );
      tensor.assertAlive(`assign (${path})`);
      if (!shapesEqual(tensor.shape, v.shape) || tensor.dtype !== v.dtype) {
        throw new LayerError(
          this.name,
          `assign: "${path}" is ${v.dtype} ${fmtShape(v.shape)}, got ${tensor.dtype} ${fmtShape(tensor.shape)}`,
          fmtShape(v.shape),
          tensor.shape,
          this.className,
        );
      }
    }
    for (const { path, tensor } of leaves) byPath.get(path)!.assign(tensor, path);
  }

  /**
   * The sum of every regularizer's penalty, a scalar to add to the loss. Pass the parameters
   * being differentiated so the penalty's gradient reaches them; absent ones use the weights.
   */
  regularizationLoss(params?: ParamTree): Tensor {
    const rt = this.rt;
    if (!rt)
      throw new LayerError(
        this.name,
        'build it before asking for its regularization loss',
        undefined,
        undefined,
        this.className,
      );
    const given = new Map(
      params ? flattenParams('regularizationLoss', params).map((l) => [l.path, l.tensor]) : [],
    );
    return rt.tidy(() => {
      let total = fill(rt, [], 0);
      for (const { path, variable } of this.variables()) {
        if (variable.regularizer)
          total = add(total, variable.regularizer.penalty(given.get(path) ?? variable.value));
      }
      return total;
    });
  }

  /** Projects every weight that has a constraint (run after each optimizer update, as Keras does). */
  applyConstraints(): void {
    const rt = this.rt;
    if (!rt) return;
    for (const { path, variable } of this.variables()) {
      const c = variable.constraint;
      if (!c) continue;
      const next = rt.tidy(() => c.apply(variable.value));
      variable.assign(next, path);
      if (next !== variable.value) next.dispose();
    }
  }

  /** The options that rebuild this layer through its registered factory. */
  getConfig(): LayerConfig {
    return {
      name: this.name,
      trainable: this.trainable,
      ...(this.inputShape ? { inputShape: [...this.inputShape] } : {}),
    };
  }

  /** Frees every weight. */
  dispose(): void {
    for (const v of this.vars.values()) v.dispose();
    this.vars.clear();
    this.buildShape = undefined;
    this.rt = undefined;
  }
}

/** Nests `a/b/c` paths into objects. */
export function treeOf(entries: readonly WeightEntry[]): LayerParams {
  const root: Record<string, ParamTree> = {};
  for (const { path, variable } of entries) {
    const parts = path.split('/');
    let node = root;
    for (const p of parts.slice(0, -1)) {
      if (!Object.hasOwn(node, p)) node[p] = {};
      node = node[p] as Record<string, ParamTree>;
    }
    node[parts[parts.length - 1]!] = variable.value;
  }
  return root;
}
