import type { Shape, TypedArray } from '@descent/core';
import { permute } from './strided';

/**
 * `values` laid out as one row per output element holding the elements it reduces: the reduced
 * axes moved last, which costs a copy only when they are not trailing already.
 * Returns the rows and the row length.
 */
export function reductionRows(
  values: TypedArray,
  shape: Shape,
  axes: readonly number[],
): [TypedArray, number] {
  const rank = shape.length;
  const rowLength = axes.reduce((n, a) => n * shape[a]!, 1);
  if (axes.every((a, i) => a === rank - axes.length + i)) return [values, rowLength];
  const kept = [...shape.keys()].filter((a) => !axes.includes(a));
  return [
    permute(
      values,
      shape,
      [...kept, ...axes],
      new (values.constructor as new (n: number) => TypedArray)(values.length),
    ),
    rowLength,
  ];
}
