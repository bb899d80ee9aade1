import { InvalidArgumentError } from '../errors';
import { assertDType, run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { DType } from '../types';

/** Attributes of the `oneHot` primitive. */
export interface OneHotAttrs {
  /** Number of classes: the length of the new last axis. */
  depth: number;
  /** Value at the index (default 1). */
  onValue: number;
  /** Value elsewhere (default 0). */
  offValue: number;
  /** The output's dtype (default float32). */
  dtype: DType;
}

const def = defineOp<OneHotAttrs>({
  name: 'oneHot',
  arity: 1,
  infer: ([indices], { depth, dtype }) => {
    assertDType('oneHot', indices!, ['int32']);
    if (!Number.isInteger(depth) || depth < 0)
      throw new InvalidArgumentError('oneHot', `depth must be a non-negative integer, got ${depth}`);
    return { shape: [...indices!.shape, depth], dtype };
  },
});

/**
 * One-hot rows for int32 class indices: `[...indices.shape, depth]`; an index outside
 * [0, depth) gives a row of `offValue` (like TensorFlow). Primitive op `oneHot`.
 *
 * @example
 * oneHot(labels, 10);
 */
export function oneHot(
  indices: Tensor,
  depth: number,
  options: Partial<Omit<OneHotAttrs, 'depth'>> = {},
): Tensor {
  return run(def, [indices], {
    depth,
    onValue: options.onValue ?? 1,
    offValue: options.offValue ?? 0,
    dtype: options.dtype ?? 'float32',
  });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
oneHot.def = def;
