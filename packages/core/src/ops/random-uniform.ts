import { assertRuntime } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import type { Runtime } from '../runtime';
import { assertValidShape, sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import type { Shape } from '../types';

/** Attributes of the `randomUniform` primitive: where in the Philox stream its values start. */
export interface RandomUniformAttrs {
  /** Shape of the tensor made. */
  shape: Shape;
  /** Philox key words. */
  key: readonly [number, number];
  /** First Philox block (element i uses block counter + floor(i/4), lane i % 4). */
  counter: number;
}

const def = defineOp<RandomUniformAttrs>({
  name: 'randomUniform',
  arity: 0,
  infer: (_, { shape }) => {
    assertValidShape('randomUniform', shape);
    return { shape: [...shape], dtype: 'float32' };
  },
});

/**
 * Uniform [0, 1) float32 values from the runtime's Philox stream: the same numbers on every
 * backend (see `philoxUniform`, the reference). Primitive op `randomUniform`.
 */
export function randomUniformBits(rt: Runtime, shape: Shape, options: { backend?: string } = {}): Tensor {
  assertRuntime('randomUniform', rt);
  assertValidShape('randomUniform', shape);
  const { key, counter } = rt.drawRandom(sizeOf(shape));
  return rt.runOp(def, [], { shape, key, counter }, options);
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
randomUniformBits.def = def;
