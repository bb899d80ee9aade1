import type { Conv2DAttrs, Shape, TypedArray } from '@descent/core';

/**
 * Output pixels per im2col chunk: at least CHUNK, more for narrow windows so each GEMM call
 * has enough rows to pay for itself (a 5×5×1 window gives 2,621 rows); the scratch stays near
 * SCRATCH values (256 KiB of float32, an L2 cache's worth).
 */
const CHUNK = 256;
const SCRATCH = 1 << 16;
export const chunkRows = (width: number): number => Math.max(CHUNK, Math.floor(SCRATCH / Math.max(width, 1)));

let scratch64 = new Float64Array(CHUNK * 64);
let scratch32 = new Float32Array(CHUNK * 64);

/** Where a conv's windows sit: NHWC input [n, inH, inW, cin], output [n, outH, outW, ·]. */
export interface ConvGeometry {
  inH: number;
  inW: number;
  cin: number;
  outH: number;
  outW: number;
  fh: number;
  fw: number;
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  top: number;
  left: number;
}

export function convGeometry(
  x: Shape,
  y: Shape,
  window: readonly [number, number],
  attrs: Conv2DAttrs,
): ConvGeometry {
  return {
    inH: x[1]!,
    inW: x[2]!,
    cin: x[3]!,
    outH: y[1]!,
    outW: y[2]!,
    fh: window[0],
    fw: window[1],
    sh: attrs.strides[0],
    sw: attrs.strides[1],
    dh: attrs.dilations[0],
    dw: attrs.dilations[1],
    top: attrs.pads[0],
    left: attrs.pads[2],
  };
}

/**
 * Runs `visit(cols, firstPixel, rows)` for each run of up to `chunkRows` output pixels of a conv over
 * `g`, with `cols` a reused scratch of at least rows × fh·fw·cin values (float32 or float64 as
 * asked; float32 feeds the WASM GEMM). The caller fills it (`im2col`) or reads it (`col2im`).
 */
export function forEachChunk(
  g: ConvGeometry,
  batch: number,
  float32: boolean,
  visit: (cols: Float32Array | Float64Array, firstPixel: number, rows: number) => void,
): void {
  const width = g.fh * g.fw * g.cin;
  const pixels = batch * g.outH * g.outW;
  if (pixels === 0) return;
  const rows = chunkRows(width);
  if (float32 && scratch32.length < rows * width) scratch32 = new Float32Array(rows * width);
  if (!float32 && scratch64.length < rows * width) scratch64 = new Float64Array(rows * width);
  const cols = float32 ? scratch32 : scratch64;
  for (let first = 0; first < pixels; first += rows) visit(cols, first, Math.min(rows, pixels - first));
}

/**
 * im2col: row r of `cols` is the window of output pixel first + r flattened as (fy, fx, c) —
 * the row order of an HWIO filter seen as a [fh·fw·cin, cout] matrix — zeros in the padding.
 */
export function im2col(xv: TypedArray, g: ConvGeometry, first: number, rows: number, cols: TypedArray): void {
  const { inH, inW, cin, outH, outW, fh, fw, sh, sw, dh, dw, top, left } = g;
  const rowWidth = fw * cin;
  let t = 0;
  for (let pixel = first; pixel < first + rows; pixel++) {
    const ox = pixel % outW;
    const rest = (pixel - ox) / outW;
    const oy = rest % outH;
    const b = (rest - oy) / outH;
    const y0 = oy * sh - top;
    const x0 = ox * sw - left;
    for (let fy = 0; fy < fh; fy++) {
      const iy = y0 + fy * dh;
      if (iy < 0 || iy >= inH) {
        cols.fill(0, t, t + rowWidth);
        t += rowWidth;
        continue;
      }
      const line = (b * inH + iy) * inW;
      if (dw === 1 && x0 >= 0 && x0 + fw <= inW) {
        // The whole window row is one contiguous run of the input (the common, unpadded case).
        const from = (line + x0) * cin;
        for (let j = 0; j < rowWidth; j++) cols[t + j] = xv[from + j]!;
        t += rowWidth;
        continue;
      }
      for (let fx = 0; fx < fw; fx++) {
        const ix = x0 + fx * dw;
        if (ix < 0 || ix >= inW) {
          for (let c = 0; c < cin; c++) cols[t + c] = 0;
        } else {
          const from = (line + ix) * cin;
          for (let c = 0; c < cin; c++) cols[t + c] = xv[from + c]!;
        }
        t += cin;
      }
    }
  }
}

/** col2im: adds row r of `cols` back onto the input pixels output pixel first + r's window read. */
export function col2im(cols: TypedArray, g: ConvGeometry, first: number, rows: number, dx: TypedArray): void {
  const { inH, inW, cin, outH, outW, fh, fw, sh, sw, dh, dw, top, left } = g;
  const rowWidth = fw * cin;
  let t = 0;
  for (let pixel = first; pixel < first + rows; pixel++) {
    const ox = pixel % outW;
    const rest = (pixel - ox) / outW;
    const oy = rest % outH;
    const b = (rest - oy) / outH;
    const y0 = oy * sh - top;
    const x0 = ox * sw - left;
    for (let fy = 0; fy < fh; fy++) {
      const iy = y0 + fy * dh;
      if (iy < 0 || iy >= inH) {
        t += rowWidth;
        continue;
      }
      const line = (b * inH + iy) * inW;
      if (dw === 1 && x0 >= 0 && x0 + fw <= inW) {
        const to = (line + x0) * cin;
        for (let j = 0; j < rowWidth; j++) dx[to + j]! += cols[t + j]!;
        t += rowWidth;
        continue;
      }
      for (let fx = 0; fx < fw; fx++) {
        const ix = x0 + fx * dw;
        if (ix >= 0 && ix < inW) {
          const to = (line + ix) * cin;
          for (let c = 0; c < cin; c++) dx[to + c]! += cols[t + c]!;
        }
        t += cin;
      }
    }
  }
}
