import { DTypeError, fmtShape, ShapeError } from '../errors';
import { NUMERIC } from '../internal/elementwise';
import { assertDType, run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import { broadcastShapes } from '../shape';
import type { Tensor } from '../tensor';

/** Attributes of the `matmul` primitive. */
export interface MatMulAttrs {
  /** Multiply by the transpose of `a`'s last two axes. */
  transposeA: boolean;
  /** Multiply by the transpose of `b`'s last two axes. */
  transposeB: boolean;
}

const def = defineOp<MatMulAttrs>({
  name: 'matmul',
  arity: 2,
  infer: ([a, b], { transposeA, transposeB }) => {
    assertDType('matmul', a!, NUMERIC);
    if (a!.dtype !== b!.dtype)
      throw new DTypeError('matmul', a!.dtype, b!.dtype, "second input (the first input's)");
    if (a!.shape.length < 2 || b!.shape.length < 2) {
      throw new ShapeError(
        'matmul',
        `expected inputs of rank >= 2, got ${fmtShape(a!.shape)} and ${fmtShape(b!.shape)}`,
      );
    }
    const ra = a!.shape.length;
    const rb = b!.shape.length;
    const [m, ka] = transposeA
      ? [a!.shape[ra - 1]!, a!.shape[ra - 2]!]
      : [a!.shape[ra - 2]!, a!.shape[ra - 1]!];
    const [kb, n] = transposeB
      ? [b!.shape[rb - 1]!, b!.shape[rb - 2]!]
      : [b!.shape[rb - 2]!, b!.shape[rb - 1]!];
    if (ka !== kb) {
      throw new ShapeError(
        'matmul',
        `inner dimensions differ: ${fmtShape(a!.shape)}${transposeA ? 'ᵀ' : ''} × ${fmtShape(b!.shape)}${transposeB ? 'ᵀ' : ''} (expected ${ka} = ${kb})`,
      );
    }
    const batch = broadcastShapes('matmul', a!.shape.slice(0, -2), b!.shape.slice(0, -2));
    return { shape: [...batch, m, n], dtype: a!.dtype };
  },
});

/**
 * Batched matrix product over the last two axes, batch axes broadcast; `transposeA/B`
 * transpose those two axes first (no copy). Primitive op `matmul`.
 *
 * @example
 * matmul(x, w);                       // [n, k] × [k, m]
 * matmul(dy, w, { transposeB: true }); // dy · wᵀ
 */
export function matmul(a: Tensor, b: Tensor, options: Partial<MatMulAttrs> = {}): Tensor {
  return run(def, [a, b], {
    transposeA: options.transposeA ?? false,
    transposeB: options.transposeB ?? false,
  });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
matmul.def = def;
