import { InvalidArgumentError } from '../errors';
import { run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { DType } from '../types';

/** Attributes of the `cast` primitive. */
export interface CastAttrs {
  /** The dtype to convert to. */
  dtype: DType;
}

const def = defineOp<CastAttrs>({
  name: 'cast',
  arity: 1,
  infer: ([x], { dtype }) => {
    if (!['float32', 'int32', 'bool'].includes(dtype))
      throw new InvalidArgumentError('cast', `unknown dtype ${String(dtype)}`);
    return { shape: x!.shape, dtype };
  },
});

/**
 * Converts to another dtype: float→int32 truncates toward zero, anything→bool is `x != 0`.
 * Primitive op `cast`.
 *
 * @example
 * cast(greater(x, 0), 'float32'); // 1 where x > 0, else 0
 */
export function cast(x: Tensor, dtype: DType): Tensor {
  return run(def, [x], { dtype });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
cast.def = def;
