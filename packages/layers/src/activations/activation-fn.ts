import {
  checkRuntime,
  InvalidArgumentError,
  logSoftmax,
  type Runtime,
  relu,
  sigmoid,
  softmax,
  softplus,
  type Tensor,
  tanh,
} from '@descent/core';
import { elu } from './elu';
import { gelu } from './gelu';
import { leakyRelu } from './leaky-relu';
import { linear } from './linear';
import { selu } from './selu';
import { swish } from './swish';

/** An activation: elementwise (or, for softmax, along the last axis) function of one tensor. */
export type ActivationFn = (x: Tensor) => Tensor;

/** An activation by registered name (`'relu'`) or as a function. */
export type ActivationSpec = string | ActivationFn;

/**
 * Every built-in activation by registered name (kind `activation`); `layers()` registers these.
 * sigmoid, tanh, relu, softplus, softmax and logSoftmax are core's.
 */
export const builtinActivations: Readonly<Record<string, ActivationFn>> = {
  linear,
  sigmoid,
  tanh,
  relu,
  leakyRelu: (x) => leakyRelu(x),
  elu: (x) => elu(x),
  selu,
  gelu: (x) => gelu(x),
  softplus,
  swish,
  softmax: (x) => softmax(x),
  logSoftmax: (x) => logSoftmax(x),
};

const builtinNames = new Map<unknown, string>([
  ...Object.entries(builtinActivations).map(([n, f]) => [f, n] as const),
  [leakyRelu, 'leakyRelu'],
  [elu, 'elu'],
  [gelu, 'gelu'],
  [softmax, 'softmax'],
  [logSoftmax, 'logSoftmax'],
]);

/** The name an activation is saved under: its registered name, else the function's own name. */
export function activationName(spec: ActivationSpec): string {
  if (typeof spec === 'string') return spec;
  if (typeof spec !== 'function')
    throw new InvalidArgumentError(
      'activation',
      `expected a name or a function, got ${JSON.stringify(spec)}`,
    );
  const name = builtinNames.get(spec) ?? spec.name;
  if (!name)
    throw new InvalidArgumentError(
      'activation',
      'an anonymous activation function cannot be saved; register it under a name',
    );
  return name;
}

/**
 * The function an activation spec stands for: registered entries first (a plugin may add or
 * replace activations), then the built-ins.
 *
 * @example
 * const relu = resolveActivation(rt, 'relu');
 * relu(x);
 */
export function resolveActivation(rt: Runtime, spec: ActivationSpec): ActivationFn {
  checkRuntime('resolveActivation', 'the first argument', rt);
  if (typeof spec === 'function') return spec;
  if (typeof spec !== 'string')
    throw new InvalidArgumentError(
      'activation',
      `expected a name or a function, got ${JSON.stringify(spec)}`,
    );
  return (
    rt.registry.find('activation', spec)?.value ??
    builtinActivations[spec] ??
    rt.registry.get('activation', spec)
  );
}
