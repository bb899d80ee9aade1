import { mul, square, sum } from '@descent/core';
import { definePenalty, type Penalty } from '../define-penalty';

/** Options of `l2` (Keras' `L2`). */
export type L2Config = {
  /** The L2 factor λ: the penalty is λ·Σw² (default 0.01). */
  l2: number;
};

const make = definePenalty<L2Config>({
  className: 'L2',
  defaults: { l2: 0.01 },
  penalty: (w, { l2 }) => mul(sum(square(w)), l2),
});

/**
 * The L2 penalty `λ·Σw²` — Keras' convention (`L2`, default λ = 0.01), **not** `λ/2·Σw²`: its
 * gradient is `2λ·w`. Added to the loss it is "coupled" weight decay; under plain SGD it equals
 * decoupled decay `addDecayedWeights(2λ)` (see `weightDecayForL2`). λ must be finite and ≥ 0.
 * Takes λ or a config `{ l2 }`, so it is also the registry factory for `L2`.
 *
 * @example
 * new Dense({ units: 10, kernelRegularizer: l2(1e-4) });
 * l2(0.5).penalty(rt.tensor([1, -2])); // 2.5
 */
export function l2(l2: number | Partial<L2Config> = {}): Penalty<L2Config> {
  return make(typeof l2 === 'number' ? { l2 } : l2);
}
