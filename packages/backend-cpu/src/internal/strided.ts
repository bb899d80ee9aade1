import { broadcastStrides, type Shape, sizeOf, stridesOf, type TypedArray } from '@descent/core';

/**
 * Visits every row (run along the last axis) of `shape`, passing the offset of the row's first
 * element in each of several arrays walked with their own `strides` from `bases`. Work per row
 * is left to the caller, so per-element loops stay tight. A scalar shape has one row of length 1.
 * `offsets` is reused between calls.
 */
export function forEachRow(
  shape: Shape,
  strides: readonly (readonly number[])[],
  bases: readonly number[],
  visit: (offsets: readonly number[]) => void,
): void {
  if (shape.some((d) => d === 0)) return;
  const outer = Math.max(shape.length - 1, 0);
  const index = new Array<number>(outer).fill(0);
  const offsets = [...bases];
  for (;;) {
    visit(offsets);
    let axis = outer - 1;
    for (; axis >= 0; axis--) {
      const n = shape[axis]!;
      for (let k = 0; k < offsets.length; k++) offsets[k]! += strides[k]![axis]!;
      if (++index[axis]! < n) break;
      for (let k = 0; k < offsets.length; k++) offsets[k]! -= strides[k]![axis]! * n;
      index[axis] = 0;
    }
    if (axis < 0) return;
  }
}

/**
 * Merges axes that every array walks contiguously (and drops size-1 axes), so copies of
 * slices, pads and concats run as few long rows.
 */
export function coalesce(shape: Shape, strides: readonly (readonly number[])[]): [number[], number[][]] {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let axis = 0; axis < shape.length; axis++) {
    const d = shape[axis]!;
    if (d === 1) continue;
    const last = outShape.length - 1;
    const merge = last >= 0 && strides.every((s, k) => outStrides[k]![last] === s[axis]! * d);
    if (merge) outShape[last]! *= d;
    else outShape.push(d);
    for (let k = 0; k < strides.length; k++) outStrides[k]![merge ? last : last + 1] = strides[k]![axis]!;
  }
  return [outShape, outStrides];
}

/**
 * Copies the block of `shape` elements from `src` (read at `srcOffset` with `srcStrides`) into
 * `dst` (written at `dstOffset` with `dstStrides`). Transpose, broadcast, slice, pad and concat
 * are all this one loop with different strides.
 */
export function copyStrided(
  src: TypedArray,
  srcOffset: number,
  srcStrides: readonly number[],
  dst: TypedArray,
  dstOffset: number,
  dstStrides: readonly number[],
  shape: Shape,
): void {
  const [s, [ss, ds]] = coalesce(shape, [srcStrides, dstStrides]) as [number[], [number[], number[]]];
  const last = s.length - 1;
  const n = s[last] ?? 1;
  const si = ss[last] ?? 1;
  const di = ds[last] ?? 1;
  forEachRow(s, [ss, ds], [srcOffset, dstOffset], ([from, to]) => {
    if (si === 1 && di === 1) dst.set(src.subarray(from!, from! + n), to!);
    else for (let j = 0; j < n; j++) dst[to! + j * di] = src[from! + j * si]!;
  });
}

/** `values` of `shape` with axes permuted: output axis i is input axis `perm[i]`. */
export function permute(
  values: TypedArray,
  shape: Shape,
  perm: readonly number[],
  out: TypedArray,
): TypedArray {
  const strides = stridesOf(shape);
  const outShape = perm.map((p) => shape[p]!);
  copyStrided(
    values,
    0,
    perm.map((p) => strides[p]!),
    out,
    0,
    stridesOf(outShape),
    outShape,
  );
  return out;
}

/** For each index of `to`, the flat index of `from` that broadcasting reads there. */
export function broadcastIndex(from: Shape, to: Shape): Int32Array {
  const iota = Int32Array.from({ length: sizeOf(from) }, (_, i) => i);
  const out = new Int32Array(sizeOf(to));
  copyStrided(iota, 0, broadcastStrides(from, to), out, 0, stridesOf(to), to);
  return out;
}
