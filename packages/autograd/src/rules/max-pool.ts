import { maxPoolBackward, type Pool2DAttrs } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * dx = maxPoolBackward(dy, x): each window's dy goes to its maximal cell. Ties: the whole dy goes
 * to the first maximal cell in row-major window order (PyTorch's rule; unlike `max`, which splits).
 */
export const maxPoolRule: GradientRule<Pool2DAttrs> = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [x], attrs }) => [maxPoolBackward(dy, x!, attrs)],
};
