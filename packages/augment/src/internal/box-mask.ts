import { greaterEqual, less, logicalAnd, type Tensor } from '@descent/core';

/**
 * A bool mask `[n, h, w, 1]` that is true inside each sample's box: rows [y0, y1) and columns
 * [x0, x1), given per sample on the host as `boxes[4b..4b+3] = y0, y1, x0, x1`. Built on the
 * images' backend from two index ramps and four `[n, 1, 1, 1]` bounds (a few small uploads).
 */
export function boxMask(images: Tensor, boxes: Float64Array): Tensor {
  const rt = images.runtime;
  const [n, h, w] = images.shape as [number, number, number, number];
  const on = { backend: images.backendName };
  const ramp = (len: number, shape: number[]) =>
    rt.tensor(
      Float32Array.from({ length: len }, (_, i) => i),
      shape,
      'float32',
      on,
    );
  const bound = (k: number) =>
    rt.tensor(
      Float64Array.from({ length: n }, (_, b) => boxes[4 * b + k]!),
      [n, 1, 1, 1],
      'float32',
      on,
    );
  const rows = ramp(h, [1, h, 1, 1]);
  const cols = ramp(w, [1, 1, w, 1]);
  const inRows = logicalAnd(greaterEqual(rows, bound(0)), less(rows, bound(1)));
  const inCols = logicalAnd(greaterEqual(cols, bound(2)), less(cols, bound(3)));
  return logicalAnd(inRows, inCols);
}

/** Clamps a box of size `[bh, bw]` around `(cy, cx)` to the image; returns [y0, y1, x0, x1]. */
export function clampedBox(
  [cy, cx]: readonly [number, number],
  [bh, bw]: readonly [number, number],
  [h, w]: readonly [number, number],
): [number, number, number, number] {
  const y0 = cy - Math.floor(bh / 2);
  const x0 = cx - Math.floor(bw / 2);
  const clamp = (v: number, len: number) => Math.max(0, Math.min(len, v));
  return [clamp(y0, h), clamp(y0 + bh, h), clamp(x0, w), clamp(x0 + bw, w)];
}
