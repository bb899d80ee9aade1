import { assertDType, run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';

/** Attributes of the `gather` primitive. */
export interface GatherAttrs {
  /** The axis indexed, non-negative. */
  axis: number;
}

const def = defineOp<GatherAttrs>({
  name: 'gather',
  arity: 2,
  infer: ([x, indices], { axis }) => {
    assertDType('gather', indices!, ['int32']);
    const s = x!.shape;
    return { shape: [...s.slice(0, axis), ...indices!.shape, ...s.slice(axis + 1)], dtype: x!.dtype };
  },
});

/**
 * Takes slices of `x` along `axis` at int32 `indices` (any shape). An index outside
 * [0, size) is an error where the backend can check (CPU) and gives 0 elsewhere.
 * Primitive op `gather`.
 *
 * @example
 * gather(embeddings, tokenIds); // [vocab, d] at [b, t] → [b, t, d]
 */
export function gather(x: Tensor, indices: Tensor, axis = 0): Tensor {
  return run(def, [x, indices], { axis: normalizeAxis('gather', axis, x?.rank ?? 0) });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
gather.def = def;
