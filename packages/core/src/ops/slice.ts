import { fmtShape, InvalidArgumentError } from '../errors';
import { assertTensor, run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';

/** Attributes of the `slice` primitive, one entry per axis. */
export interface SliceAttrs {
  /** First index taken on each axis. */
  begin: readonly number[];
  /** Number of elements taken on each axis. */
  size: readonly number[];
}

const def = defineOp<SliceAttrs>({
  name: 'slice',
  arity: 1,
  infer: ([x], { begin, size }) => {
    const s = x!.shape;
    const ok =
      begin.length === s.length &&
      size.length === s.length &&
      begin.every(
        (b, i) =>
          Number.isInteger(b) &&
          b >= 0 &&
          Number.isInteger(size[i]) &&
          size[i]! >= 0 &&
          b + size[i]! <= s[i]!,
      );
    if (!ok) {
      throw new InvalidArgumentError(
        'slice',
        `begin ${fmtShape(begin)} size ${fmtShape(size)} is outside shape ${fmtShape(s)}`,
      );
    }
    return { shape: [...size], dtype: x!.dtype };
  },
});

/**
 * A contiguous block: `begin` per axis (negative counts from the end) and `size` per axis
 * (-1 = to the end). Omitted trailing axes are taken whole. Like NumPy, a begin equal to the
 * axis length gives an empty slice; beyond it is an error. Primitive op `slice`.
 *
 * @example
 * slice(x, [0, 2], [-1, 3]); // columns 2..4 of every row
 */
export function slice(x: Tensor, begin: readonly number[], size?: readonly number[]): Tensor {
  assertTensor('slice', x);
  const shape = x?.shape ?? [];
  const b = shape.map((d, i) => {
    const v = begin[i] ?? 0;
    return v < 0 ? v + d : v;
  });
  const sz = shape.map((d, i) => {
    const v = size?.[i] ?? -1;
    return v === -1 ? d - b[i]! : v;
  });
  if (begin.length > shape.length || (size && size.length > shape.length)) {
    throw new InvalidArgumentError('slice', `begin/size have more axes than shape ${fmtShape(shape)}`);
  }
  return run(def, [x], { begin: b, size: sz });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
slice.def = def;
