import type { DType } from '@descent/core';
import { type Emitter, widthOf } from './codegen';

/**
 * The start of a data-movement body (broadcast, transpose, slice, pad, concat, gather): values
 * are copied float by float, so an int32 element is its two limbs moved together. `index` is
 * the output element, `read(name, offset)` the float of input element `offset` at the same limb.
 */
export function movement(
  e: Emitter,
  dtype: DType,
): { index: string; limb: string; read: (name: string, offset: string) => string } {
  if (widthOf(dtype) === 1)
    return { index: 'o', limb: '0.0', read: (name, offset) => `${name}[${e.let(offset)}]` };
  const index = e.let('Math.floor(o * 0.5)');
  const limb = e.let(`o - 2.0 * ${index}`);
  return { index, limb, read: (name, offset) => `${name}[${e.let(`2.0 * (${offset}) + ${limb}`)}]` };
}
