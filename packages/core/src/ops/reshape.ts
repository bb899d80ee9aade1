import { fmtShape, ShapeError } from '../errors';
import { assertTensor, run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import { sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import type { Shape } from '../types';

/** Attributes of the `reshape` view op. */
export interface ReshapeAttrs {
  /** The new shape, with the same number of elements (`-1` already resolved). */
  shape: Shape;
}

const def = defineOp<ReshapeAttrs>({
  name: 'reshape',
  arity: 1,
  view: true,
  infer: ([x], { shape }) => ({ shape, dtype: x!.dtype }),
});

/**
 * The same data with another shape (a view: no copy); one axis may be -1 to be inferred.
 * Primitive op `reshape`, done by core for every backend.
 *
 * @example
 * reshape(x, [-1, 784]);
 */
export function reshape(x: Tensor, shape: Shape): Tensor {
  assertTensor('reshape', x);
  const size = x?.size;
  const known = shape.filter((d) => d !== -1);
  const inferred = shape.length - known.length;
  const bad = inferred > 1 || !known.every((d) => Number.isInteger(d) && d >= 0);
  const rest = sizeOf(known);
  const fill = inferred === 1 ? (rest === 0 ? Number.NaN : size / rest) : 0;
  if (bad || (inferred === 1 && !Number.isInteger(fill)) || (inferred === 0 && rest !== size)) {
    throw new ShapeError(
      'reshape',
      `cannot reshape ${fmtShape(x?.shape ?? [])} (${size} elements) to ${fmtShape(shape)}`,
    );
  }
  return run(def, [x], { shape: shape.map((d) => (d === -1 ? fill : d)) });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
reshape.def = def;
