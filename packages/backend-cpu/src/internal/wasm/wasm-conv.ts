import type { GemmEngine } from '../gemm';
import type { ConvGeometry } from '../im2col';
import { chunkRows } from '../im2col';
import type { GemmExports } from './wasm-gemm';
import { place, type WasmMemory, wasmMemory } from './wasm-memory';

// The convolutions on the WASM module end to end: the input, filter and output are read where
// they live (or copied in once), and one call of wasm/conv.c runs im2col/col2im and the GEMMs
// over every chunk of output pixels. Same chunks and GEMM as the JS path, so the same
// sums. Each function returns false (nothing done) where the module is unavailable or a size is 0.

/** The C function of each convolution kernel (wasm/conv.c). */
export type ConvKind = 'conv_forward' | 'conv_input_grad' | 'conv_filter_grad';

/** Where a convolution's operands sit in a module's memory: byte offsets. */
export interface StagedConv {
  readonly a: number;
  readonly b: number;
  readonly out: number;
  /** One im2col scratch per thread. */
  readonly cols: readonly number[];
  /** The 13 geometry ints. */
  readonly geometry: number;
  /** Output pixels per chunk, and the GEMM's n (or, for the filter gradient, the output's). */
  readonly rows: number;
  readonly cout: number;
  /** Copies a staged output back. */
  done(): void;
}

/**
 * Places `a`, `b` and the (zeroed) output in `w` (see `place`), writes the geometry, and
 * reserves `threads` im2col scratches; null when they do not fit.
 */
export function placeConv(
  w: WasmMemory,
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  g: ConvGeometry,
  kind: ConvKind,
  threads = 1,
): StagedConv | null {
  const width = g.fh * g.fw * g.cin;
  const rows = chunkRows(width);
  const extra = [13, ...Array.from({ length: threads }, () => rows * width)];
  const p = place(w, [a, b], [out], { extra, outputs: 'zero' });
  if (!p) return null;
  const [geometry, ...cols] = p.extra as [number, ...number[]];
  new Int32Array(w.floats().buffer).set(
    [g.inH, g.inW, g.cin, g.outH, g.outW, g.fh, g.fw, g.sh, g.sw, g.dh, g.dw, g.top, g.left],
    geometry / 4,
  );
  const cout = (kind === 'conv_filter_grad' ? out.length : b.length) / width;
  return { a: p.ins[0]!, b: p.ins[1]!, out: p.outs[0]!, cols, geometry, rows, cout, done: p.done };
}

/** Runs `kind` over output pixels [first, last) with im2col scratch `cols` and GEMM scratch `work` (bytes). */
export function runConvRange(
  mod: GemmExports,
  kind: ConvKind,
  s: StagedConv,
  cols: number,
  work: number,
  first: number,
  last: number,
): void {
  mod[kind](s.a, s.b, s.out, cols, work, s.geometry, first, last, s.rows, s.cout);
}

/**
 * One convolution kernel on the WASM module: conv2d (`a` = x, `b` = filter), its input
 * gradient (`a` = dy, `b` = filter) or its filter gradient (`a` = x, `b` = dy). Split by images
 * over the GEMM threads where the engine is a thread pool that takes it (forward and input
 * gradient), else on the calling thread.
 */
export function convOnWasm(
  engine: GemmEngine,
  kind: ConvKind,
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  g: ConvGeometry,
  batch: number,
): boolean {
  if (a.length === 0 || b.length === 0 || out.length === 0) return false;
  // Forward and input gradient: each output pixel's window times the whole filter (b).
  const macs = batch * g.outH * g.outW * b.length;
  if (
    typeof engine === 'object' &&
    kind !== 'conv_filter_grad' &&
    engine.conv(kind, a, b, out, g, batch, macs)
  )
    return true;
  const w = wasmMemory();
  const s = w && placeConv(w, a, b, out, g, kind);
  if (!s) return false;
  runConvRange(w.mod, kind, s, s.cols[0]!, w.work, 0, batch * g.outH * g.outW);
  s.done();
  return true;
}
