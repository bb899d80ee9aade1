import { checkTensor, mul, type Tensor } from '@descent/core';
import { elu } from './elu';

const ALPHA = 1.6732632423543772;
const SCALE = 1.0507009873554805;

/**
 * Scaled ELU (Klambauer et al. 2017): scale·elu(x, alpha) with the self-normalizing constants.
 * Pair with the `lecunNormal` initializer.
 *
 * @example
 * new Dense({ units: 8, activation: 'selu', kernelInitializer: 'lecunNormal' });
 */
export function selu(x: Tensor): Tensor {
  checkTensor('selu', 'x', x);
  return x.runtime.tidy(() => mul(elu(x, ALPHA), SCALE));
}
