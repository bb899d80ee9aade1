import { InvalidArgumentError } from '../errors';
import { assertRuntime } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import type { Runtime } from '../runtime';
import { assertValidShape } from '../shape';
import type { Tensor } from '../tensor';
import type { DType, Shape } from '../types';

/** Attributes of the `fill` primitive. */
export interface FillAttrs {
  /** Shape of the tensor made. */
  shape: Shape;
  /** The value of every element. */
  value: number;
  /** The dtype of the tensor made. */
  dtype: DType;
}

const def = defineOp<FillAttrs>({
  name: 'fill',
  arity: 0,
  infer: (_, { shape, value, dtype }) => {
    assertValidShape('fill', shape);
    if (typeof value !== 'number')
      throw new InvalidArgumentError('fill', `expected a number value, got ${typeof value}`);
    return { shape: [...shape], dtype };
  },
});

/**
 * A tensor of `shape` with every element `value`, made on the backend (no upload).
 * Primitive op `fill`.
 *
 * @example
 * fill(rt, [2, 3], 0.5);
 */
export function fill(
  rt: Runtime,
  shape: Shape,
  value: number,
  dtype: DType = 'float32',
  options: { backend?: string } = {},
): Tensor {
  assertRuntime('fill', rt);
  return rt.runOp(def, [], { shape, value, dtype }, options);
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
fill.def = def;
