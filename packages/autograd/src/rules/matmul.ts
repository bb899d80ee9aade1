import { type MatMulAttrs, matmul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/**
 * For C = op(A)·op(B): dA = dC·op(B)ᵀ (transposed back if A was), dB likewise, then reduced
 * over broadcast batch axes. Transposes are flags, never copies. Only needed gradients are computed.
 */
export const matmulRule: GradientRule<MatMulAttrs> = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [a, b], attrs: { transposeA: ta, transposeB: tb }, inputShapes, needs }) => {
    const da = !needs[0]
      ? undefined
      : ta
        ? matmul(b!, dy, { transposeA: tb, transposeB: true })
        : matmul(dy, b!, { transposeB: !tb });
    const db = !needs[1]
      ? undefined
      : tb
        ? matmul(dy, a!, { transposeA: true, transposeB: ta })
        : matmul(a!, dy, { transposeA: !ta });
    return [da && sumToShape(da, inputShapes[0]!), db && sumToShape(db, inputShapes[1]!)];
  },
};
