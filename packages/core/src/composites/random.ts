import { InvalidArgumentError } from '../errors';
import { assertRuntime } from '../internal/op-helpers';
import { add } from '../ops/add';
import { cos } from '../ops/cos';
import { log } from '../ops/log';
import { mul } from '../ops/mul';
import { randomUniformBits } from '../ops/random-uniform';
import { sqrt } from '../ops/sqrt';
import { sub } from '../ops/sub';
import type { Runtime } from '../runtime';
import type { Tensor } from '../tensor';
import type { Shape } from '../types';

/** Options of the random tensor creators (`randomUniform`, `randomNormal`, `truncatedNormal`). */
export interface RandomOptions {
  /** Backend to create on (default: the runtime's). */
  backend?: string;
}

/**
 * Uniform values in [min, max) from the runtime's seeded stream.
 *
 * @example
 * rt.seed(1);
 * randomUniform(rt, [2, 2], { min: -1, max: 1 });
 */
export function randomUniform(
  rt: Runtime,
  shape: Shape,
  options: RandomOptions & { min?: number; max?: number } = {},
): Tensor {
  assertRuntime('randomUniform', rt);
  const { min = 0, max = 1 } = options;
  if (!(min <= max))
    throw new InvalidArgumentError('randomUniform', `expected min <= max, got ${min} and ${max}`);
  return rt.tidy(() => add(mul(randomUniformBits(rt, shape, options), max - min), min));
}

/**
 * Normal values (Box–Muller on two uniform draws) with the given mean and standard deviation.
 *
 * @example
 * randomNormal(rt, [784, 128], { std: 0.05 });
 */
export function randomNormal(
  rt: Runtime,
  shape: Shape,
  options: RandomOptions & { mean?: number; std?: number } = {},
): Tensor {
  assertRuntime('randomNormal', rt);
  const { mean = 0, std = 1 } = options;
  if (!(std >= 0)) throw new InvalidArgumentError('randomNormal', `expected std >= 0, got ${std}`);
  return rt.tidy(() => {
    // 1 - u lies in (0, 1], so the log is finite.
    const radius = sqrt(mul(log(sub(1, randomUniformBits(rt, shape, options))), -2));
    const angle = mul(randomUniformBits(rt, shape, options), 2 * Math.PI);
    return add(mul(mul(radius, cos(angle)), std), mean);
  });
}

// Φ(-2) and Φ(2) - Φ(-2) for the standard normal CDF Φ.
const PHI_MINUS_2 = 0.022750131948179195;
const PHI_RANGE = 0.9544997361036416;

/**
 * Normal values truncated to mean ± 2·std (Keras' and TF's truncated normal), by the inverse
 * CDF of a uniform draw (as PyTorch's trunc_normal_ does), so one draw per value.
 *
 * @example
 * truncatedNormal(rt, [784, 128], { std: 0.05 }); // no value beyond ±0.1
 */
export function truncatedNormal(
  rt: Runtime,
  shape: Shape,
  options: RandomOptions & { mean?: number; std?: number } = {},
): Tensor {
  assertRuntime('truncatedNormal', rt);
  const { mean = 0, std = 1 } = options;
  if (!(std >= 0)) throw new InvalidArgumentError('truncatedNormal', `expected std >= 0, got ${std}`);
  return rt.tidy(() => {
    const p = add(mul(randomUniformBits(rt, shape, options), PHI_RANGE), PHI_MINUS_2);
    const z = mul(erfinvCentral(sub(mul(p, 2), 1)), Math.SQRT2);
    return add(mul(z, std), mean);
  });
}

/**
 * erf⁻¹(x) for |x| ≤ 0.96 (w = -log(1 - x²) < 5): the central branch of Giles (2010),
 * "Approximating the erfinv function", single-precision coefficients.
 */
function erfinvCentral(x: Tensor): Tensor {
  const w = sub(mul(log(sub(1, mul(x, x))), -1), 2.5);
  const coeffs = [
    3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727,
    1.50140941,
  ];
  let p: Tensor = mul(w, 2.81022636e-8);
  coeffs.forEach((c, i) => {
    const t = add(p, c);
    p = i === coeffs.length - 1 ? t : mul(t, w);
  });
  return mul(p, x);
}
