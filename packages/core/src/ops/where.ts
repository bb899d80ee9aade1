import { DTypeError } from '../errors';
import { ANY } from '../internal/elementwise';
import { assertDType, assertTensor, run, scalarLike, type TensorOrNumber } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import { broadcastShapes } from '../shape';
import type { Tensor } from '../tensor';

const def = defineOp<Record<string, never>>({
  name: 'where',
  arity: 3,
  infer: ([cond, a, b]) => {
    assertDType('where', cond!, ['bool']);
    assertDType('where', a!, ANY);
    if (a!.dtype !== b!.dtype)
      throw new DTypeError('where', a!.dtype, b!.dtype, "second branch (the first branch's)");
    return { shape: broadcastShapes('where', cond!.shape, a!.shape, b!.shape), dtype: a!.dtype };
  },
});

/**
 * Picks `a` where `cond` is true and `b` elsewhere, broadcasting all three. Primitive op `where`.
 *
 * @example
 * where(greater(x, 0), x, 0); // relu
 */
export function where(cond: Tensor, a: TensorOrNumber, b: TensorOrNumber): Tensor {
  assertTensor('where', cond, 'the condition');
  // Numbers take the dtype of the tensor branch (float32 if both are numbers), not the condition's bool.
  const like = typeof a === 'number' ? (typeof b === 'number' ? undefined : b) : a;
  const dtype = like?.dtype ?? 'float32';
  const made: Tensor[] = [];
  const branch = (v: TensorOrNumber): Tensor => {
    if (typeof v !== 'number') return v;
    const t = scalarLike(cond.runtime, v, dtype, cond.backendName);
    made.push(t);
    return t;
  };
  try {
    return run(def, [cond, branch(a), branch(b)], {});
  } finally {
    for (const t of made) t.dispose();
  }
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
where.def = def;
