import { mul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(x^-½) = -½·x^-3/2 · dy = -½·y³ · dy: reuses the forward output y. */
export const rsqrtRule: GradientRule = {
  save: { output: true },
  backward: (dy, { output: y }) => [mul(dy, mul(mul(y!, mul(y!, y!)), -0.5))],
};
