import { fmtShape, InvalidArgumentError, ShapeError } from '../errors';
import { assertDType, run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';

/** Attributes of the `scatterAdd` primitive. */
export interface ScatterAddAttrs {
  /** The axis the indices address. */
  axis: number;
  /** Length of the output along `axis`. */
  size: number;
}

const def = defineOp<ScatterAddAttrs>({
  name: 'scatterAdd',
  arity: 2,
  infer: ([updates, indices], { axis, size }) => {
    assertDType('scatterAdd', indices!, ['int32']);
    if (!Number.isInteger(size) || size < 0)
      throw new InvalidArgumentError('scatterAdd', `size must be a non-negative integer, got ${size}`);
    const u = updates!.shape;
    const ir = indices!.shape.length;
    if (axis < 0 || axis > u.length - ir || !shapesEqual(u.slice(axis, axis + ir), indices!.shape)) {
      throw new ShapeError(
        'scatterAdd',
        `updates ${fmtShape(u)} must have indices' shape ${fmtShape(indices!.shape)} at axis ${axis}`,
      );
    }
    return { shape: [...u.slice(0, axis), size, ...u.slice(axis + ir)], dtype: updates!.dtype };
  },
});

/**
 * The adjoint of `gather`: sums slices of `updates` into a zero tensor whose `axis` has length
 * `size`, at `indices`; repeated indices accumulate. An index outside [0, size) is an error where
 * the backend can check (CPU) and is dropped elsewhere. Primitive op `scatterAdd`.
 *
 * @example
 * scatterAdd(rows, ids, 0, vocabSize); // sums each row into the slot of its id
 */
export function scatterAdd(updates: Tensor, indices: Tensor, axis: number, size: number): Tensor {
  return run(def, [updates, indices], { axis, size });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
scatterAdd.def = def;
