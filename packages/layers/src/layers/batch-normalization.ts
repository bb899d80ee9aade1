import {
  add,
  InvalidArgumentError,
  mean,
  mul,
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
import { type ForwardContext, type InputSpec, Layer, type LayerArgs, type LayerConfig } from '../layer';
import type { ConstraintSpec, RegularizerSpec } from '../regularizer';
import type { SymbolicShape } from '../types';

export interface BatchNormalizationArgs extends LayerArgs {
  /** The feature (channel) axis; default -1 (NHWC channels, Dense features). */
  axis?: number;
  /** Keras' momentum of the moving statistics (default 0.99; PyTorch's momentum is 1 - this). */
  momentum?: number;
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
  /** Initializer of the moving mean (default `zeros`). */
  movingMeanInitializer?: InitializerSpec;
  /** Initializer of the moving variance (default `ones`). */
  movingVarianceInitializer?: InitializerSpec;
  /** Penalty on beta (default none). */
  betaRegularizer?: RegularizerSpec | null;
  /** Penalty on gamma (default none). */
  gammaRegularizer?: RegularizerSpec | null;
  /** Constraint on beta (default none). */
  betaConstraint?: ConstraintSpec | null;
  /** Constraint on gamma (default none). */
  gammaConstraint?: ConstraintSpec | null;
}

type BnWeights = { gamma?: Tensor; beta?: Tensor; moving_mean: Tensor; moving_variance: Tensor };

/**
 * Normalizes each feature over the batch (and spatial axes): `gamma·(x - μ)/√(σ² + ε) + beta`.
 * In training μ and σ² are the batch's (population variance) and the moving statistics — the
 * non-trainable weights `moving_mean` and `moving_variance` — move towards them:
 * `moving = moving·momentum + batch·(1 - momentum)`, outside the gradient tape. At inference the
 * moving statistics are used. Keras semantics: PyTorch's `momentum` is `1 - momentum` here, and
 * PyTorch updates its running variance with the unbiased batch variance where Keras (and this)
 * uses the biased one. A frozen layer (`trainable = false`, or in a frozen model) runs in
 * inference mode even in training, as in Keras.
 *
 * @example
 * sequential([new Conv2D({ filters: 8, kernelSize: 3 }), new BatchNormalization(), new Activation({ activation: 'relu' })]);
 */
export class BatchNormalization extends Layer<BnWeights> {
  readonly className = 'BatchNormalization';
  /** The feature axis, as given (negative counts from the end). */
  readonly axis: number;
  /** Momentum of the moving statistics (Keras' convention). */
  readonly momentum: number;
  /** Added to the variance. */
  readonly epsilon: number;
  /** Whether beta is learned. */
  readonly center: boolean;
  /** Whether gamma is learned. */
  readonly scale: boolean;
  private readonly args: BatchNormalizationArgs;
  private rank: number | undefined;
  private channels: number | undefined;

  constructor(args: BatchNormalizationArgs = {}) {
    super(args);
    this.args = args;
    this.axis = num('BatchNormalization', 'axis', args.axis, -1);
    if (!Number.isInteger(this.axis))
      throw new InvalidArgumentError('BatchNormalization', `axis must be an integer, got ${this.axis}`);
    this.momentum = num('BatchNormalization', 'momentum', args.momentum, 0.99);
    if (!(this.momentum >= 0 && this.momentum <= 1))
      throw new InvalidArgumentError(
        'BatchNormalization',
        `momentum must be in [0, 1], got ${this.momentum}`,
      );
    this.epsilon = num('BatchNormalization', 'epsilon', args.epsilon, 1e-3);
    if (!(this.epsilon > 0))
      throw new InvalidArgumentError('BatchNormalization', `epsilon must be > 0, got ${this.epsilon}`);
    this.center = bool('BatchNormalization', 'center', args.center, true);
    this.scale = bool('BatchNormalization', 'scale', args.scale, true);
  }

  protected override inputSpec(): InputSpec {
    if (this.rank === undefined) return { minRank: this.axis < 0 ? -this.axis : this.axis + 1 };
    return { rank: this.rank, axes: { [this.featureAxis(this.rank)]: this.channels! } };
  }

  private featureAxis(rank: number): number {
    return this.axis < 0 ? rank + this.axis : this.axis;
  }

  protected override build(inputShape: SymbolicShape): void {
    const a = this.featureAxis(inputShape.length);
    const c = inputShape[a];
    if (c === null || c === undefined || a < 1)
      throw new LayerError(
        this.name,
        `the feature axis ${this.axis} of input ${fmtSymbolic(inputShape)} must be known and not the batch axis`,
        undefined,
        inputShape,
        this.className,
      );
    const a2 = this.args;
    if (this.scale)
      this.addWeight('gamma', [c], {
        initializer: a2.gammaInitializer ?? 'ones',
        regularizer: a2.gammaRegularizer,
        constraint: a2.gammaConstraint,
      });
    if (this.center)
      this.addWeight('beta', [c], {
        initializer: a2.betaInitializer ?? 'zeros',
        regularizer: a2.betaRegularizer,
        constraint: a2.betaConstraint,
      });
    this.addWeight('moving_mean', [c], {
      initializer: a2.movingMeanInitializer ?? 'zeros',
      trainable: false,
    });
    this.addWeight('moving_variance', [c], {
      initializer: a2.movingVarianceInitializer ?? 'ones',
      trainable: false,
    });
    this.rank = inputShape.length;
    this.channels = c;
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    checkShapeArg(this, inputShape);
    return inputShape;
  }

  protected forward(x: Tensor, w: BnWeights, ctx: ForwardContext): Tensor {
    const a = this.featureAxis(x.rank);
    const c = x.shape[a]!;
    // Per-feature vectors broadcast along `a`.
    const bshape = x.shape.map((d, i) => (i === a ? d : 1));
    const along = (v: Tensor) => (a === x.rank - 1 ? v : reshape(v, bshape));
    let mu: Tensor;
    let var_: Tensor;
    // Frozen, it normalizes with its moving statistics even in training (Keras' fine-tuning rule).
    if (ctx.training && ctx.trainable) {
      const axes = x.shape.map((_, i) => i).filter((i) => i !== a);
      mu = mean(x, axes, true);
      var_ = variance(x, axes, true);
      const rt = ctx.runtime;
      // The moving statistics are bookkeeping, not part of the loss: computed on views the tape never saw.
      const m = this.momentum;
      ctx.updateState('moving_mean', add(mul(w.moving_mean, m), mul(rt.view(mu, [c]), 1 - m)));
      ctx.updateState('moving_variance', add(mul(w.moving_variance, m), mul(rt.view(var_, [c]), 1 - m)));
    } else {
      mu = along(w.moving_mean);
      var_ = along(w.moving_variance);
    }
    let scale = rsqrt(add(var_, this.epsilon));
    if (w.gamma) scale = mul(scale, along(w.gamma));
    const y = mul(sub(x, mu), scale);
    return w.beta ? add(y, along(w.beta)) : y;
  }

  override getConfig(): LayerConfig {
    const a = this.args;
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      betaInitializer: initConfig(a.betaInitializer ?? 'zeros'),
      gammaInitializer: initConfig(a.gammaInitializer ?? 'ones'),
      movingMeanInitializer: initConfig(a.movingMeanInitializer ?? 'zeros'),
      movingVarianceInitializer: initConfig(a.movingVarianceInitializer ?? 'ones'),
      betaRegularizer: entryConfig(a.betaRegularizer),
      gammaRegularizer: entryConfig(a.gammaRegularizer),
      betaConstraint: entryConfig(a.betaConstraint),
      gammaConstraint: entryConfig(a.gammaConstraint),
    };
  }
}
