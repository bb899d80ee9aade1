import { abs, add, fill, mul, square, sum, type Tensor } from '@descent/core';
import { definePenalty, type Penalty } from '../define-penalty';

/** Options of `l1l2` (Keras' `L1L2`). */
export type L1L2Config = {
  /** The L1 factor λ1 (default 0.01). */
  l1: number;
  /** The L2 factor λ2 (default 0.01). */
  l2: number;
};

const make = definePenalty<L1L2Config>({
  className: 'L1L2',
  defaults: { l1: 0.01, l2: 0.01 },
  penalty: (w, { l1, l2 }) => {
    // Like Keras, a zero coefficient adds no term (and no abs/square to differentiate).
    let total: Tensor | undefined;
    if (l1) total = mul(sum(abs(w)), l1);
    if (l2) {
      const t = mul(sum(square(w)), l2);
      total = total ? add(total, t) : t;
    }
    return total ?? fill(w.runtime, [], 0, w.dtype, { backend: w.backendName });
  },
});

/**
 * Elastic net, `λ1·Σ|w| + λ2·Σw²` (Keras' `L1L2`; defaults 0.01 and 0.01 as Keras' `l1_l2`).
 * Same conventions as `l1` (subgradient 0 at 0) and `l2` (no ½). Takes `(λ1, λ2)` or a config
 * `{ l1, l2 }`, so it is also the registry factory for `L1L2`.
 *
 * @example
 * new Dense({ units: 10, kernelRegularizer: l1l2(1e-5, 1e-4) });
 * l1l2({ l1: 0.1, l2: 0 }); // pure L1
 */
export function l1l2(l1?: number, l2?: number): Penalty<L1L2Config>;
export function l1l2(config: Partial<L1L2Config>): Penalty<L1L2Config>;
export function l1l2(l1: number | Partial<L1L2Config> = {}, l2?: number): Penalty<L1L2Config> {
  if (typeof l1 !== 'number') return make(l1);
  return make(l2 === undefined ? { l1 } : { l1, l2 });
}
