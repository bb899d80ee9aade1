import { fmtShape, ShapeError } from '../errors';
import { run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import { assertValidShape, broadcastShapes, shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import type { Shape } from '../types';

/** Attributes of the `broadcastTo` primitive. */
export interface BroadcastToAttrs {
  /** The target shape. */
  shape: Shape;
}

const def = defineOp<BroadcastToAttrs>({
  name: 'broadcastTo',
  arity: 1,
  infer: ([x], { shape }) => {
    assertValidShape('broadcastTo', shape);
    const ok =
      x!.shape.length <= shape.length && shapesEqual(broadcastShapes('broadcastTo', x!.shape, shape), shape);
    if (!ok)
      throw new ShapeError('broadcastTo', `cannot broadcast ${fmtShape(x!.shape)} to ${fmtShape(shape)}`);
    return { shape: [...shape], dtype: x!.dtype };
  },
});

/**
 * Repeats `x` along size-1 and new leading axes to `shape` (NumPy rules). Primitive op `broadcastTo`.
 *
 * @example
 * broadcastTo(rt.tensor([1, 2, 3]), [2, 3]); // the row, twice
 */
export function broadcastTo(x: Tensor, shape: Shape): Tensor {
  return run(def, [x], { shape });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
broadcastTo.def = def;
