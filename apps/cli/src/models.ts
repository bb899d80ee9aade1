import type { Runtime } from '@descent/core';
import { Conv2D, Dense, Flatten, type Layer, MaxPool2D, sequential } from '@descent/layers';

/**
 * The MLP 784-128-10: flatten, a ReLU hidden layer, 10 logits.
 *
 * @example
 * const model = mlp(rt);
 */
export function mlp(rt: Runtime, hidden = 128): Layer {
  return sequential([
    new Flatten({ inputShape: [28, 28, 1] }),
    new Dense({ units: hidden, activation: 'relu' }),
    new Dense({ units: 10 }),
  ]).init(rt);
}

/**
 * A small CNN, conv-pool-conv-pool-dense: 8 then 16 filters of 5×5 ('valid', as LeNet), 2×2 max
 * pooling, a 128-unit ReLU layer and 10 logits. Small filters counts keep it quick on the CPU
 * backend's direct convolution kernels.
 */
export function cnn(rt: Runtime): Layer {
  return sequential([
    new Conv2D({ filters: 8, kernelSize: 5, activation: 'relu', inputShape: [28, 28, 1] }),
    new MaxPool2D({ poolSize: 2 }),
    new Conv2D({ filters: 16, kernelSize: 5, activation: 'relu' }),
    new MaxPool2D({ poolSize: 2 }),
    new Flatten(),
    new Dense({ units: 128, activation: 'relu' }),
    new Dense({ units: 10 }),
  ]).init(rt);
}
