import { add, checkOptions, mul } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { perParameter, type SlotState } from '../per-parameter';

/** Options of `trace`. */
export interface TraceOptions {
  /** Momentum coefficient. Default 0.9. */
  decay?: number;
  /** Fraction of each gradient left out of the trace after the first step (PyTorch's dampening). Default 0. */
  dampening?: number;
  /** Nesterov momentum: the update looks ahead, `g + decay · trace`. Default false. */
  nesterov?: boolean;
}

/**
 * Momentum, PyTorch's way: the first step sets `trace = g`; later steps
 * `trace = decay · trace + (1 - dampening) · g`. The update is `trace`, or with Nesterov
 * `g + decay · trace`. (Without dampening this is Optax's `trace` from zeros.)
 *
 * @example
 * chain(trace({ decay: 0.9, nesterov: true }), scaleByLearningRate(0.01)); // nesterov()
 */
export function trace(options: TraceOptions = {}): GradientTransform<SlotState<'trace'>> {
  const name = 'trace';
  checkOptions(name, options);
  const decay = checkHyperparam(name, 'decay', options.decay ?? 0.9, 'closedUnit');
  const dampening = checkHyperparam(name, 'dampening', options.dampening ?? 0, 'closedUnit');
  const nesterov = options.nesterov ?? false;
  return perParameter({
    name,
    slots: ['trace'],
    step(g, { trace: m }, { t, scalar }) {
      const next = t === 1 ? g : add(mul(m, scalar(decay)), mul(g, scalar(1 - dampening)));
      return { update: nesterov ? add(g, mul(next, scalar(decay))) : next, slots: { trace: next } };
    },
  });
}
