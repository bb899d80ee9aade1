import type { ParamTree as Params, Tensor } from '@descent/core';
import { checkFunction } from '@descent/core';
import { valueAndGradAs } from './value-and-grad';

/**
 * The gradient of `f` with respect to `params`, shaped like `params`; the value is freed.
 *
 * @example
 * const dfdx = grad((x: Tensor) => sum(square(x)))(x); // 2x
 */
export function grad<P extends Params>(f: (params: P) => Tensor): (params: P, dy?: Tensor) => P {
  checkFunction('grad', 'f', f);
  const vg = valueAndGradAs('grad', f);
  return (params, dy) => {
    const { value, grads } = vg(params, dy);
    value.dispose();
    return grads;
  };
}
