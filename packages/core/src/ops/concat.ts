import { DTypeError, fmtShape, InvalidArgumentError, ShapeError } from '../errors';
import { run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';

/** Attributes of the `concat` primitive. */
export interface ConcatAttrs {
  /** The axis the inputs are joined along, non-negative. */
  axis: number;
}

const def = defineOp<ConcatAttrs>({
  name: 'concat',
  arity: 'variadic',
  infer: (xs, { axis }) => {
    const first = xs[0]!;
    for (const x of xs) {
      if (x.dtype !== first.dtype) throw new DTypeError('concat', first.dtype, x.dtype, 'every input');
      const ok =
        x.shape.length === first.shape.length && x.shape.every((d, i) => i === axis || d === first.shape[i]);
      if (!ok) {
        throw new ShapeError(
          'concat',
          `shapes ${xs.map((t) => fmtShape(t.shape)).join(', ')} differ outside axis ${axis}`,
        );
      }
    }
    const shape = [...first.shape];
    shape[axis] = xs.reduce((n, x) => n + x.shape[axis]!, 0);
    return { shape, dtype: first.dtype };
  },
});

/**
 * Joins tensors along an existing axis. Primitive op `concat`.
 *
 * @example
 * concat([a, b], 1); // [n, 3] and [n, 2] → [n, 5]
 */
export function concat(xs: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(xs) || xs.length === 0)
    throw new InvalidArgumentError('concat', 'expected a non-empty array of tensors');
  return run(def, xs, { axis: normalizeAxis('concat', axis, xs[0]?.rank ?? 0) });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
concat.def = def;
