import { InvalidArgumentError, type Shape } from '@descent/core';

/** Throws unless every index lies in [0, size): names the op, the index, its position and the range. */
export function checkIndices(
  op: string,
  indices: Int32Array,
  size: number,
  axis: number,
  shape: Shape,
): void {
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i]!;
    if (k < 0 || k >= size) {
      throw new InvalidArgumentError(
        op,
        `index ${k} (at flat position ${i} of indices) is out of range: expected 0..${size - 1} for axis ${axis} of size ${size} (shape [${shape.join(',')}])`,
      );
    }
  }
}

/** Sizes of the axes before `axis`, at it, and after it: the [outer, n, inner] view of a shape. */
export function splitAt(shape: Shape, axis: number): [number, number, number] {
  const prod = (s: Shape) => s.reduce((a, b) => a * b, 1);
  return [prod(shape.slice(0, axis)), shape[axis]!, prod(shape.slice(axis + 1))];
}
