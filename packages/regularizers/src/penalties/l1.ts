import { abs, mul, sum } from '@descent/core';
import { definePenalty, type Penalty } from '../define-penalty';

/** Options of `l1` (Keras' `L1`). */
export type L1Config = {
  /** The L1 factor λ: the penalty is λ·Σ|w| (default 0.01). */
  l1: number;
};

const make = definePenalty<L1Config>({
  className: 'L1',
  defaults: { l1: 0.01 },
  penalty: (w, { l1 }) => mul(sum(abs(w)), l1),
});

/**
 * The L1 penalty `λ·Σ|w|` (Keras' `L1`, default λ = 0.01), which drives weights to exactly
 * zero in the minimizer (sparsity). Its gradient is `λ·sign(w)`, with the subgradient **0 at
 * w = 0** (autograd's convention for `abs`, like PyTorch and TF): plain (sub)gradient descent
 * makes weights hover within about `lr·λ` of zero rather than land on it. λ must be finite and
 * ≥ 0. Takes λ or a config `{ l1 }`, so it is also the registry factory for `L1`.
 *
 * @example
 * new Dense({ units: 1, kernelRegularizer: l1(1e-3) });
 * l1(0.5).penalty(rt.tensor([1, -2, 0])); // 1.5
 */
export function l1(l1: number | Partial<L1Config> = {}): Penalty<L1Config> {
  return make(typeof l1 === 'number' ? { l1 } : l1);
}
