import { gather, type ScatterAddAttrs } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(updates) = gather(dy) at the same indices (scatterAdd's adjoint); indices get none. */
export const scatterAddRule: GradientRule<ScatterAddAttrs> = {
  save: { inputs: [1] },
  backward: (dy, { inputs: [, indices], attrs: { axis } }) => [gather(dy, indices!, axis), undefined],
};
