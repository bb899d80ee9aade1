import type { GemmEngine } from '../gemm';
import type { ConvGeometry } from '../im2col';
import { chunkRows } from '../im2col';
import { align4, type GemmExports, heapStart, reserve, wasmGemmModule } from './wasm-gemm';

// The convolutions on the WASM module end to end: the input, filter and output are copied in
// once, and one call of wasm/conv.c runs im2col/col2im and the GEMMs over every chunk of output
// pixels, then the result is copied out once. Same chunks and GEMM as the JS path, so the same
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
}

/**
 * Copies `a` and `b` into `memory` from float offset `from` on (growing it), zeroes the output
 * region, writes the geometry, and reserves `threads` im2col scratches.
 */
export function stageConv(
  memory: WebAssembly.Memory,
  from: number,
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  g: ConvGeometry,
  kind: ConvKind,
  threads = 1,
): StagedConv {
  const width = g.fh * g.fw * g.cin;
  const rows = chunkRows(width);
  const sizes = [a.length, b.length, out.length, 13, ...Array.from({ length: threads }, () => rows * width)];
  const [pa, pb, po, pg, ...pc] = reserve(memory, from, sizes) as [
    number,
    number,
    number,
    number,
    ...number[],
  ];
  const f32 = new Float32Array(memory.buffer);
  f32.set(a, pa);
  f32.set(b, pb);
  f32.fill(0, po, po + out.length);
  new Int32Array(memory.buffer).set(
    [g.inH, g.inW, g.cin, g.outH, g.outW, g.fh, g.fw, g.sh, g.sw, g.dh, g.dw, g.top, g.left],
    pg,
  );
  const cout = (kind === 'conv_filter_grad' ? out.length : b.length) / width;
  return { a: pa * 4, b: pb * 4, out: po * 4, cols: pc.map((c) => c * 4), geometry: pg * 4, rows, cout };
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

/** Copies the output region of `s` back into `out`. */
export function unstageConv(memory: WebAssembly.Memory, s: StagedConv, out: Float32Array): void {
  out.set(new Float32Array(memory.buffer, s.out, out.length));
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
  const mod = wasmGemmModule();
  if (!mod) return false;
  const work = heapStart(mod);
  const s = stageConv(mod.memory, work + mod.work_floats(), a, b, out, g, kind);
  runConvRange(mod, kind, s, s.cols[0]!, work * 4, 0, batch * g.outH * g.outW);
  unstageConv(mod.memory, s, out);
  return true;
}
