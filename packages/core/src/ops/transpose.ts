import { InvalidArgumentError } from '../errors';
import { assertTensor, run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';

/** Attributes of the `transpose` primitive. */
export interface TransposeAttrs {
  /** Output axis `i` is input axis `perm[i]`. */
  perm: readonly number[];
}

const def = defineOp<TransposeAttrs>({
  name: 'transpose',
  arity: 1,
  infer: ([x], { perm }) => {
    const r = x!.shape.length;
    const ok = perm.length === r && [...perm].sort((a, b) => a - b).every((p, i) => p === i);
    if (!ok)
      throw new InvalidArgumentError(
        'transpose',
        `perm ${JSON.stringify(perm)} is not a permutation of 0..${r - 1}`,
      );
    return { shape: perm.map((p) => x!.shape[p]!), dtype: x!.dtype };
  },
});

/**
 * Permutes axes: output axis i is input axis `perm[i]` (default: reversed). Primitive op `transpose`.
 *
 * @example
 * transpose(x);            // [2, 3] → [3, 2]
 * transpose(x, [0, 2, 1]); // [n, h, w] → [n, w, h]
 */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  assertTensor('transpose', x);
  const p = perm ?? [...Array(x?.rank ?? 0).keys()].reverse();
  return run(def, [x], { perm: p.map((a) => (a < 0 ? a + (x?.rank ?? 0) : a)) });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
transpose.def = def;
