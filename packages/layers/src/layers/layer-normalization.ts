import {
  add,
  InvalidArgumentError,
  mean,
  mul,
  normalizeAxes,
  reshape,
  rsqrt,
  sub,
  type Tensor,
  variance,
} from '@descent/core';
import { LayerError } from '../errors';
import type { InitializerSpec } from '../initializers/initializer';
import { checkShapeArg } from '../internal/check-layer';
import { entryConfig, initConfig } from '../internal/config';
import { bool, num } from '../internal/options';
import { fmtSymbolic } from '../internal/shapes';
import { type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { ConstraintSpec, RegularizerSpec } from '../regularizer';
import type { SymbolicShape } from '../types';

export interface LayerNormalizationArgs extends LayerArgs {
  /** Axis or axes normalized over (default -1, the features). */
  axis?: number | readonly number[];
  /** Added to the variance (default 1e-3, Keras; PyTorch's default is 1e-5). */
  epsilon?: number;
  /** Learn an offset beta (default true). */
  center?: boolean;
  /** Learn a scale gamma (default true). */
  scale?: boolean;
  /** Initializer of beta (default `zeros`). */
  betaInitializer?: InitializerSpec;
  /** Initializer of gamma (default `ones`). */
  gammaInitializer?: InitializerSpec;
  /** Penalty on beta (default none). */
  betaRegularizer?: RegularizerSpec | null;
  /** Penalty on gamma (default none). */
  gammaRegularizer?: RegularizerSpec | null;
  /** Constraint on beta (default none). */
  betaConstraint?: ConstraintSpec | null;
  /** Constraint on gamma (default none). */
  gammaConstraint?: ConstraintSpec | null;
}

type LnWeights = { gamma?: Tensor; beta?: Tensor };

/**
 * Normalizes each sample over `axis`: `gamma·(x - μ)/√(σ² + ε) + beta`, with μ, σ² (population
 * variance) per sample and gamma, beta of the normalized axes' shape. The same in training and
 * inference.
 *
 * @example
 * new LayerNormalization({ epsilon: 1e-5 }); // PyTorch's nn.LayerNorm(d)
 */
export class LayerNormalization extends Layer<LnWeights> {
  readonly className = 'LayerNormalization';
  /** The axes normalized over, as given. */
  readonly axis: readonly number[];
  /** Added to the variance. */
  readonly epsilon: number;
  /** Whether beta is learned. */
  readonly center: boolean;
  /** Whether gamma is learned. */
  readonly scale: boolean;
  private readonly args: LayerNormalizationArgs;
  private built_: { rank: number; axes: number[]; sizes: number[] } | undefined;

  constructor(args: LayerNormalizationArgs = {}) {
    super(args);
    this.args = args;
    const axis = args.axis ?? -1;
    this.axis = typeof axis === 'number' ? [axis] : [...axis];
    if (this.axis.length === 0 || !this.axis.every(Number.isInteger))
      throw new InvalidArgumentError(
        'LayerNormalization',
        `axis must be an integer or a non-empty list of them, got ${JSON.stringify(args.axis)}`,
      );
    this.epsilon = num('LayerNormalization', 'epsilon', args.epsilon, 1e-3);
    if (!(this.epsilon > 0))
      throw new InvalidArgumentError('LayerNormalization', `epsilon must be > 0, got ${this.epsilon}`);
    this.center = bool('LayerNormalization', 'center', args.center, true);
    this.scale = bool('LayerNormalization', 'scale', args.scale, true);
  }

  protected override inputSpec(): InputSpec {
    const b = this.built_;
    if (!b) return { minRank: Math.max(...this.axis.map((a) => (a < 0 ? -a : a + 1))) };
    return { rank: b.rank, axes: Object.fromEntries(b.axes.map((a, i) => [a, b.sizes[i]!])) };
  }

  protected override build(inputShape: SymbolicShape): void {
    const axes = normalizeAxes('LayerNormalization', this.axis, inputShape.length);
    const sizes = axes.map((a) => inputShape[a]);
    if (axes.includes(0) || sizes.some((d) => d === null || d === undefined))
      throw new LayerError(
        this.name,
        `normalized axes ${JSON.stringify(this.axis)} of input ${fmtSymbolic(inputShape)} must be known and not the batch axis`,
        undefined,
        inputShape,
        this.className,
      );
    const a = this.args;
    const shape = sizes as number[];
    if (this.scale)
      this.addWeight('gamma', shape, {
        initializer: a.gammaInitializer ?? 'ones',
        regularizer: a.gammaRegularizer,
        constraint: a.gammaConstraint,
      });
    if (this.center)
      this.addWeight('beta', shape, {
        initializer: a.betaInitializer ?? 'zeros',
        regularizer: a.betaRegularizer,
        constraint: a.betaConstraint,
      });
    this.built_ = { rank: inputShape.length, axes, sizes: shape };
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    return inputShape;
  }

  protected forward(x: Tensor, w: LnWeights): Tensor {
    const { axes } = this.built_!;
    const bshape = x.shape.map((d, i) => (axes.includes(i) ? d : 1));
    const along = (v: Tensor) => reshape(v, bshape);
    const mu = mean(x, axes, true);
    let scale = rsqrt(add(variance(x, axes, true), this.epsilon));
    if (w.gamma) scale = mul(scale, along(w.gamma));
    const y = mul(sub(x, mu), scale);
    return w.beta ? add(y, along(w.beta)) : y;
  }

  override getConfig(): LayerConfig {
    const a = this.args;
    return {
      ...super.getConfig(),
      axis: [...this.axis],
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      betaInitializer: initConfig(a.betaInitializer ?? 'zeros'),
      gammaInitializer: initConfig(a.gammaInitializer ?? 'ones'),
      betaRegularizer: entryConfig(a.betaRegularizer),
      gammaRegularizer: entryConfig(a.gammaRegularizer),
      betaConstraint: entryConfig(a.betaConstraint),
      gammaConstraint: entryConfig(a.gammaConstraint),
    };
  }
}
