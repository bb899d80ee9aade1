import type { ConvGeometry } from '../im2col';
import { chunkRows } from '../im2col';
import { align4, reserve, wasmGemmModule } from './wasm-gemm';

// The convolutions on the WASM module end to end: the input, filter and output are copied in
// once, im2col/col2im and the GEMMs run in WebAssembly on chunks of output pixels, and the
// result is copied out once (the JS path writes each chunk's windows twice: into a JS scratch,
// then into the module's memory). Same chunks and GEMM as the JS path, so the same sums.
// Each function returns false (nothing done) where the module is unavailable or a size is 0.

type Mod = NonNullable<ReturnType<typeof wasmGemmModule>>;

/** The module with float offsets for the scratch and each region (grown to fit), or null. */
function layout(
  sizes: readonly number[],
): { mod: Mod; work: number; at: number[]; f32: Float32Array } | null {
  const mod = wasmGemmModule();
  if (!mod || sizes.some((n) => n === 0)) return null;
  const work = align4((mod.__heap_base.value as number) >>> 2);
  const at = reserve(mod.memory, work + mod.work_floats(), sizes);
  return { mod, work, at, f32: new Float32Array(mod.memory.buffer) };
}

const geometry = (g: ConvGeometry) =>
  [g.inH, g.inW, g.cin, g.outH, g.outW, g.fh, g.fw, g.sh, g.sw, g.dh, g.dw, g.top, g.left] as const;

/** Runs `visit(first, rows)` over chunks of output pixels, as `forEachChunk` does. */
function chunks(g: ConvGeometry, batch: number, visit: (first: number, rows: number) => void): void {
  const pixels = batch * g.outH * g.outW;
  const rows = chunkRows(g.fh * g.fw * g.cin);
  for (let first = 0; first < pixels; first += rows) visit(first, Math.min(rows, pixels - first));
}

type Layout = NonNullable<ReturnType<typeof layout>>;

/**
 * Copies `a` and `b` in, zeroes the result, runs `step(m, [pa, pb, pout, pcols], first, rows)`
 * per chunk of output pixels and copies the result out into `out`. Float offsets.
 */
function run(
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  g: ConvGeometry,
  batch: number,
  step: (m: Layout, at: [number, number, number, number], first: number, rows: number) => void,
): boolean {
  const width = g.fh * g.fw * g.cin;
  const m = layout([a.length, b.length, out.length, chunkRows(width) * width]);
  if (!m) return false;
  const at = m.at as [number, number, number, number];
  m.f32.set(a, at[0]);
  m.f32.set(b, at[1]);
  m.f32.fill(0, at[2], at[2] + out.length);
  chunks(g, batch, (first, rows) => step(m, at, first, rows));
  out.set(m.f32.subarray(at[2], at[2] + out.length));
  return true;
}

/** conv2d: o = im2col(x) · f, chunk by chunk. */
export function wasmConv2d(
  x: Float32Array,
  f: Float32Array,
  o: Float32Array,
  g: ConvGeometry,
  batch: number,
): boolean {
  const width = g.fh * g.fw * g.cin;
  const cout = f.length / width;
  return run(x, f, o, g, batch, (m, [px, pf, po, pc], first, rows) => {
    m.mod.im2col(px * 4, ...geometry(g), first, rows, pc * 4);
    const c = (po + first * cout) * 4;
    m.mod.gemm(rows, cout, width, pc * 4, width, 1, pf * 4, cout, 1, c, cout, m.work * 4);
  });
}

/** conv2dBackpropFilter: df = Σ_chunks im2col(x)ᵀ · dy, accumulated in float32. */
export function wasmConv2dBackpropFilter(
  x: Float32Array,
  dy: Float32Array,
  df: Float32Array,
  g: ConvGeometry,
  batch: number,
): boolean {
  const width = g.fh * g.fw * g.cin;
  const cout = df.length / width;
  return run(x, dy, df, g, batch, (m, [px, pdy, pdf, pc], first, rows) => {
    m.mod.im2col(px * 4, ...geometry(g), first, rows, pc * 4);
    const b = (pdy + first * cout) * 4;
    m.mod.gemm(width, cout, rows, pc * 4, 1, width, b, cout, 1, pdf * 4, cout, m.work * 4);
  });
}

/** conv2dBackpropInput: dx = col2im(dy · fᵀ), chunk by chunk. */
export function wasmConv2dBackpropInput(
  dy: Float32Array,
  f: Float32Array,
  dx: Float32Array,
  g: ConvGeometry,
  batch: number,
): boolean {
  const width = g.fh * g.fw * g.cin;
  const cout = f.length / width;
  return run(dy, f, dx, g, batch, (m, [pdy, pf, pdx, pc], first, rows) => {
    m.f32.fill(0, pc, pc + rows * width);
    const a = (pdy + first * cout) * 4;
    m.mod.gemm(rows, width, cout, a, cout, 1, pf * 4, 1, cout, pc * 4, width, m.work * 4);
    m.mod.col2im(pc * 4, ...geometry(g), first, rows, pdx * 4);
  });
}
