import {
  checkOptions,
  describeValue,
  InvalidArgumentError,
  type Runtime,
  randomNormal,
  randomUniform,
  type Shape,
  type Tensor,
  truncatedNormal,
} from '@descent/core';
import { num, oneOf } from '../internal/options';
import type { Initializer } from './initializer';

/** Which fan the variance is divided by: inputs, outputs, or their mean. */
export type FanMode = 'fanIn' | 'fanOut' | 'fanAvg';
/**
 * What the weights are drawn from: a normal truncated at ±2σ (σ corrected for the truncation, as
 * Keras), a plain normal, or a uniform.
 */
export type ScalingDistribution = 'truncatedNormal' | 'untruncatedNormal' | 'uniform';

/** Options of `VarianceScaling`: variance `scale / fan` under the chosen distribution. */
export interface VarianceScalingOptions {
  /** Scale of the variance (default 1). */
  scale?: number;
  /** Fan the scale is divided by (default `'fanIn'`). */
  mode?: FanMode;
  /** Distribution drawn from (default `'truncatedNormal'`). */
  distribution?: ScalingDistribution;
}

/**
 * Keras' fans: a matrix `[in, out]` has fanIn = in, fanOut = out; a conv kernel `[kh, kw, in, out]`
 * multiplies both by kh·kw; a vector has both equal to its length, a scalar 1.
 *
 * @example
 * computeFans([3, 3, 16, 32]); // { fanIn: 144, fanOut: 288 }
 */
export function computeFans(shape: Shape): {
  /** Number of inputs each output sees. */
  fanIn: number;
  /** Number of outputs each input reaches. */
  fanOut: number;
} {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
    throw new InvalidArgumentError(
      'computeFans',
      `expected a shape of non-negative integers, got ${describeValue(shape)}`,
    );
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0]!, fanOut: shape[0]! };
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[shape.length - 2]! * receptive, fanOut: shape[shape.length - 1]! * receptive };
}

// Standard deviation of a unit normal truncated to ±2, which truncatedNormal draws.
const TRUNCATED_STD = 0.8796256610342398;

/**
 * Variance `scale / n` with n the fan of `mode`: uniform in ±√(3·scale/n), or normal (truncated
 * at 2σ and rescaled, as Keras) with std √(scale/n). Glorot, He and LeCun are special cases.
 *
 * @example
 * new VarianceScaling({ scale: 2, mode: 'fanIn', distribution: 'truncatedNormal' }); // = HeNormal
 */
export class VarianceScaling implements Initializer {
  readonly className: string = 'varianceScaling';
  /** Scale of the variance. */
  readonly scale: number;
  /** Fan the scale is divided by. */
  readonly mode: FanMode;
  /** Distribution drawn from. */
  readonly distribution: ScalingDistribution;
  constructor(options: VarianceScalingOptions = {}) {
    checkOptions('VarianceScaling', options);
    this.scale = num('VarianceScaling', 'scale', options.scale, 1);
    if (!(this.scale > 0))
      throw new InvalidArgumentError('VarianceScaling', `scale must be > 0, got ${this.scale}`);
    this.mode = oneOf('VarianceScaling', 'mode', options.mode, ['fanIn', 'fanOut', 'fanAvg'], 'fanIn');
    this.distribution = oneOf(
      'VarianceScaling',
      'distribution',
      options.distribution,
      ['truncatedNormal', 'untruncatedNormal', 'uniform'],
      'truncatedNormal',
    );
  }
  getConfig(): Record<string, string | number> {
    return { scale: this.scale, mode: this.mode, distribution: this.distribution };
  }
  init(rt: Runtime, shape: Shape): Tensor {
    const { fanIn, fanOut } = computeFans(shape);
    const n = Math.max(
      1,
      this.mode === 'fanIn' ? fanIn : this.mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2,
    );
    const variance = this.scale / n;
    if (this.distribution === 'uniform') {
      const limit = Math.sqrt(3 * variance);
      return randomUniform(rt, shape, { min: -limit, max: limit });
    }
    if (this.distribution === 'untruncatedNormal')
      return randomNormal(rt, shape, { std: Math.sqrt(variance) });
    return truncatedNormal(rt, shape, { std: Math.sqrt(variance) / TRUNCATED_STD });
  }
}
