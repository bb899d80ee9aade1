import { DTypeError } from '../errors';
import { ANY } from '../internal/elementwise';
import { assertDType, runWithScalars, type TensorOrNumber } from '../internal/op-helpers';
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
  // Numbers take the dtype of the tensor branch, not of the bool condition.
  const like = typeof a === 'number' ? b : a;
  if (typeof a === 'number' && typeof b === 'number') {
    return runWithScalars(
      def,
      [cond, cond.runtime.tensor(a, [], 'float32', { backend: cond.backendName }), b],
      {},
    );
  }
  const branch = (v: TensorOrNumber) =>
    typeof v === 'number'
      ? (like as Tensor).runtime.tensor(v, [], (like as Tensor).dtype, {
          backend: (like as Tensor).backendName,
        })
      : v;
  const ta = branch(a);
  const tb = branch(b);
  try {
    return runWithScalars(def, [cond, ta, tb], {});
  } finally {
    if (ta !== a) ta.dispose();
    if (tb !== b) tb.dispose();
  }
}
where.def = def;
