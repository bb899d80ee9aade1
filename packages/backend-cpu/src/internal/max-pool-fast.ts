import type { Pool2DAttrs, Shape, TypedArray } from '@descent/core';

/**
 * maxPool of the NHWC input `v` of shape `x` into `out` of shape `y`: the value at each window's
 * first max (which keeps -0 in a tie with 0, unlike a running max), `lowest` for a window of
 * padding only.
 */
export function maxPoolInto(
  v: TypedArray,
  x: Shape,
  y: Shape,
  attrs: Pool2DAttrs,
  out: TypedArray,
  lowest: number,
): void {
  forEachFirstMax(v, x, y, attrs, out, out, lowest, false); // `dy` unused
}

/**
 * maxPoolBackward: adds each `dy` (shape `y`) to `dx` (shape `x`, zeros) at its window's first
 * max in `v`, in output order, so overlapping windows sum as they always have.
 */
export function maxPoolBackwardInto(
  v: TypedArray,
  x: Shape,
  y: Shape,
  attrs: Pool2DAttrs,
  dy: TypedArray,
  dx: TypedArray,
): void {
  forEachFirstMax(v, x, y, attrs, dy, dx, 0, true);
}

/**
 * Finds each output element's first maximal input in row-major window order (NaN counting as
 * maximal, padding skipped, as `beats` of math.ts orders), then with `scatter` adds `dy` to `to`
 * there, else copies its value into `to` (`lowest` for a window of padding only). One loop for
 * both passes, so forward and gradient cannot disagree on which input won.
 *
 * Branch-free, because pooling data (ReLU outputs, ties at 0) makes compare-and-branch
 * mispredict on about every other tap: the winner's index is picked with integer masks and its
 * value reloaded, taps are reduced in pairs before joining the running winner (half the
 * dependency chain), and the common 4-tap window is one small tree with its offsets hoisted.
 */
function forEachFirstMax(
  v: TypedArray,
  x: Shape,
  y: Shape,
  attrs: Pool2DAttrs,
  dy: TypedArray,
  to: TypedArray,
  lowest: number,
  scatter: boolean,
): void {
  const [batch, inH, inW, channels] = x as [number, number, number, number];
  const [, outH, outW] = y as [number, number, number];
  const [fh, fw] = attrs.windowSize;
  const [sh, sw] = attrs.strides;
  const [dh, dw] = attrs.dilations;
  const [top, , left] = attrs.pads;
  const lastY = (fh - 1) * dh;
  const lastX = (fw - 1) * dw;
  // Offsets of the window's taps from its top-left corner in row-major window order; windows
  // that overlap the padding use the subset that lands inside the input.
  const full = new Int32Array(fh * fw);
  for (let fy = 0, k = 0; fy < fh; fy++)
    for (let fx = 0; fx < fw; fx++) full[k++] = (fy * dh * inW + fx * dw) * channels;
  const clipped = new Int32Array(fh * fw);
  let p = 0;
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < outH; oy++) {
      const iy = oy * sh - top;
      for (let ox = 0; ox < outW; ox++, p += channels) {
        const ix = ox * sw - left;
        // May point outside the input when the window is padded; its in-bound taps do not.
        const corner = ((n * inH + iy) * inW + ix) * channels;
        let taps = full;
        let count = full.length;
        if (iy < 0 || ix < 0 || iy + lastY >= inH || ix + lastX >= inW) {
          taps = clipped;
          count = 0;
          for (let fy = 0; fy < fh; fy++) {
            if (iy + fy * dh < 0 || iy + fy * dh >= inH) continue;
            for (let fx = 0; fx < fw; fx++)
              if (ix + fx * dw >= 0 && ix + fx * dw < inW) clipped[count++] = full[fy * fw + fx]!;
          }
        }
        if (count === 4) {
          const t0 = corner + taps[0]!;
          const t1 = corner + taps[1]!;
          const t2 = corner + taps[2]!;
          const t3 = corner + taps[3]!;
          for (let c = 0; c < channels; c++) {
            const best = firstMaxOf(v, firstMaxOf(v, t0 + c, t1 + c), firstMaxOf(v, t2 + c, t3 + c));
            sink(v, best, p + c, dy, to, scatter);
          }
        } else if (count > 0) {
          for (let c = 0; c < channels; c++) {
            const at = corner + c;
            let best = at + taps[0]!;
            let t = 1;
            for (; t + 1 < count; t += 2)
              best = firstMaxOf(v, best, firstMaxOf(v, at + taps[t]!, at + taps[t + 1]!));
            if (t < count) best = firstMaxOf(v, best, at + taps[t]!);
            sink(v, best, p + c, dy, to, scatter);
          }
        } else if (!scatter) {
          to.fill(lowest, p, p + channels);
        }
      }
    }
  }
}

/**
 * Index `i` or the later index `j`, whichever holds the first maximum: `j` only if `v[j]` beats
 * `v[i]` (greater, or NaN over a number), chosen with a mask instead of a branch. "`v[i]` is not
 * NaN and `v[j]` is not at most it" is `beats`, so ±0 ties and NaN after NaN keep `i`.
 */
function firstMaxOf(v: TypedArray, i: number, j: number): number {
  const a = v[i]!;
  const b = v[j]!;
  return i ^ ((i ^ j) & -(+!Number.isNaN(a) & +!(b <= a)));
}

/** Output element `p`'s first max is input `best`: add `dy[p]` there, or copy its value out. */
function sink(
  v: TypedArray,
  best: number,
  p: number,
  dy: TypedArray,
  to: TypedArray,
  scatter: boolean,
): void {
  if (scatter) to[best]! += dy[p]!;
  else to[p] = v[best]!;
}
