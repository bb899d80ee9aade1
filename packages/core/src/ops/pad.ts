import { InvalidArgumentError } from '../errors';
import { run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';

/** Attributes of the `pad` primitive. */
export interface PadAttrs {
  /** [before, after] per axis, non-negative. */
  paddings: readonly (readonly [number, number])[];
  /** The value padded cells get. */
  value: number;
}

const def = defineOp<PadAttrs>({
  name: 'pad',
  arity: 1,
  infer: ([x], { paddings }) => {
    const ok =
      paddings.length === x!.shape.length &&
      paddings.every((p) => p.length === 2 && p.every((v) => Number.isInteger(v) && v >= 0));
    if (!ok) {
      throw new InvalidArgumentError(
        'pad',
        `expected ${x!.shape.length} pairs of non-negative integers, got ${JSON.stringify(paddings)}`,
      );
    }
    return { shape: x!.shape.map((d, i) => d + paddings[i]![0] + paddings[i]![1]), dtype: x!.dtype };
  },
});

/**
 * Pads each axis with `value` (default 0): `paddings[i] = [before, after]`. Primitive op `pad`.
 *
 * @example
 * pad(images, [[0, 0], [2, 2], [2, 2], [0, 0]]);
 */
export function pad(x: Tensor, paddings: readonly (readonly [number, number])[], value = 0): Tensor {
  return run(def, [x], { paddings, value });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
pad.def = def;
