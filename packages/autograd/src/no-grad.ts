import type { Runtime, Tensor } from '@descent/core';
import { checkFunction, checkRuntime, checkTensor } from '@descent/core';
import { activeTapes } from './tape';

/**
 * Runs `fn` with no tape recording on `rt`: what it computes is a constant to every enclosing
 * gradient, and no forward values are kept for backward.
 *
 * @example
 * const preds = noGrad(rt, () => model.call(x)); // nothing recorded on any tape
 */
export function noGrad<T>(rt: Runtime, fn: () => T): T {
  checkRuntime('noGrad', 'the first argument', rt);
  checkFunction('noGrad', 'fn', fn);
  const pauses = activeTapes(rt).map((t) => t.pause.bind(t));
  return pauses.reduceRight<() => T>((inner, pause) => () => pause(inner), fn)();
}

/**
 * `x` as a constant: the same values (no copy), but no gradient flows back through it.
 *
 * @example
 * add(x, stopGradient(y)); // y is a constant to the gradient
 */
export function stopGradient(x: Tensor): Tensor {
  checkTensor('stopGradient', 'x', x);
  return x.runtime.view(x);
}
