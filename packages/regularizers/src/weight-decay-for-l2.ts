import { checkCoefficient } from './check-coefficient';

/**
 * The `addDecayedWeights` rate (PyTorch's and Optax's `weight_decay`, which the learning rate
 * multiplies) that matches the coupled penalty `l2(λ)` under plain SGD: `2λ`.
 *
 * Derivation: `l2(λ)` adds `λ·Σw²` to the loss, so `2λ·w` to the gradient, and an SGD step is
 * `w ← w − lr·(g + 2λ·w) = (1 − 2λ·lr)·w − lr·g`. Decoupled decay at rate `d` is
 * `w ← w − lr·(g + d·w)`; equal for every step when `d = 2λ`, i.e. a per-step shrink factor of
 * `1 − 2λ·lr`. With adaptive optimizers (Adam, RMSProp) the two differ: a coupled penalty's
 * gradient is rescaled per parameter, decoupled decay is not.
 *
 * @example
 * const tx = chain(addDecayedWeights(weightDecayForL2(1e-4)), scaleByLearningRate(0.1)); // ≡ sgd + l2(1e-4)
 */
export function weightDecayForL2(l2: number): number {
  return 2 * checkCoefficient('weightDecayForL2', 'l2', l2);
}
