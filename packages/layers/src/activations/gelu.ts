import {
  add,
  checkTensor,
  describeValue,
  erf,
  InvalidArgumentError,
  mul,
  type Tensor,
  tanh,
} from '@descent/core';

/**
 * Gaussian error linear unit: x·Φ(x) = ½x(1 + erf(x/√2)), exact by default like Keras and
 * PyTorch; `approximate` uses the tanh form ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
 *
 * @example
 * new Dense({ units: 8, activation: 'gelu' });
 */
export function gelu(x: Tensor, approximate = false): Tensor {
  checkTensor('gelu', 'x', x);
  if (typeof approximate !== 'boolean')
    throw new InvalidArgumentError(
      'gelu',
      `expected approximate to be a boolean, got ${describeValue(approximate)}`,
    );
  return x.runtime.tidy(() => {
    const inner = approximate
      ? tanh(mul(add(x, mul(mul(mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI)))
      : erf(mul(x, Math.SQRT1_2));
    return mul(mul(x, 0.5), add(inner, 1));
  });
}
