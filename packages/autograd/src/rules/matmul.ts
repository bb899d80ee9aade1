import { type MatMulAttrs, matmul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/**
 * For C = op(A)·op(B): dA = dC·op(B)ᵀ (transposed back if A was), dB likewise, then reduced
 * over broadcast batch axes. Transposes are flags, never copies.
 */
export const matmulRule: GradientRule<MatMulAttrs> = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [a, b], attrs: { transposeA: ta, transposeB: tb }, inputShapes }) => {
    const da = ta
      ? matmul(b!, dy, { transposeA: tb, transposeB: true })
      : matmul(dy, b!, { transposeB: !tb });
    const db = tb
      ? matmul(dy, a!, { transposeA: true, transposeB: ta })
      : matmul(a!, dy, { transposeA: !ta });
    return [sumToShape(da, inputShapes[0]!), sumToShape(db, inputShapes[1]!)];
  },
};
