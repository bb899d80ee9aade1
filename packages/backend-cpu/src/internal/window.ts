import type { Conv2DAttrs, Shape } from '@descent/core';

/**
 * Calls `visit` once per output pixel of a 2-D window op (conv, pooling) over an NHWC input
 * `x` with output `y`: `pixel` is the output pixel's index (b·outH + oy)·outW + ox, and the
 * first `count` entries of `cells` / `taps` are the offsets (at channel 0) of the input pixels
 * its window covers and their window positions fy·fw + fx, in row-major window order, padded
 * positions left out. Kernels then run tight loops over channels.
 */
export function forEachWindow(
  x: Shape,
  y: Shape,
  window: readonly [number, number],
  attrs: Conv2DAttrs,
  visit: (pixel: number, cells: Int32Array, taps: Int32Array, count: number) => void,
): void {
  const [batch, inH, inW, channels] = x as [number, number, number, number];
  const [, outH, outW] = y as [number, number, number];
  const [fh, fw] = window;
  const [sh, sw] = attrs.strides;
  const [dh, dw] = attrs.dilations;
  const [top, , left] = attrs.pads;
  const cells = new Int32Array(fh * fw);
  const taps = new Int32Array(fh * fw);
  let pixel = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++, pixel++) {
        let count = 0;
        for (let fy = 0; fy < fh; fy++) {
          const iy = oy * sh - top + fy * dh;
          if (iy < 0 || iy >= inH) continue;
          for (let fx = 0; fx < fw; fx++) {
            const ix = ox * sw - left + fx * dw;
            if (ix < 0 || ix >= inW) continue;
            cells[count] = ((b * inH + iy) * inW + ix) * channels;
            taps[count++] = fy * fw + fx;
          }
        }
        visit(pixel, cells, taps, count);
      }
    }
  }
}
