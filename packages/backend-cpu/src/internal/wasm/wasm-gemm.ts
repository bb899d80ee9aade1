import type { GemmArgs } from '../gemm';
import { GEMM_WASM_BASE64 } from './gemm-binary';
import { type Placed, place, type WasmMemory, wasmMemory } from './wasm-memory';

/** A convolution kernel of wasm/conv.c over output pixels [first, last); pointers in bytes. */
export type ConvRangeFn = (
  a: number,
  b: number,
  out: number,
  cols: number,
  work: number,
  geometry: number,
  first: number,
  last: number,
  rows: number,
  cout: number,
) => void;

/** What both builds of wasm/gemm.c export (the own-memory one also exports `memory`). */
export interface GemmExports {
  memory: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
  /** Floats of scratch a `gemm` call needs at `work` (packed panels and an edge tile). */
  work_floats(): number;
  gemm(
    m: number,
    n: number,
    k: number,
    a: number,
    ai: number,
    ap: number,
    b: number,
    bp: number,
    bj: number,
    c: number,
    ldc: number,
    work: number,
  ): void;
  /** im2col / col2im of src/internal/im2col.ts; pointers in bytes, then the geometry. */
  im2col(x: number, ...geometryFirstRowsCols: number[]): void;
  col2im(cols: number, ...geometryFirstRowsDx: number[]): void;
  /** wasm/conv.c's kernels over output pixels [first, last). */
  conv_forward: ConvRangeFn;
  conv_input_grad: ConvRangeFn;
  conv_filter_grad: ConvRangeFn;
  /**
   * One Adam step of wasm/adam.c; pointers in bytes: inputs g, mu, nu, vmax, p, then outputs o,
   * mu', nu', vmax' (vmax, p and vmax' may be 0), then the hyperparameters.
   */
  adam(n: number, ...pointersThenHyper: number[]): void;
  /** Zeroes n floats at a byte offset (wasm/elementwise.c). */
  fill_zero(p: number, n: number): void;
  /** wasm/elementwise.c: o = a + t, t repeated every tlen floats; pointers in bytes. */
  add_tiled(n: number, a: number, t: number, tlen: number, o: number): void;
  /** wasm/elementwise.c: o = act(o + t) in place (ReLU when relu is 1), t repeated every tlen floats. */
  bias_act(n: number, o: number, t: number, tlen: number, relu: number): void;
  /** wasm/elementwise.c: acc (float64) += each block of x; pointers in bytes. */
  sum_blocks(n: number, x: number, block: number, acc: number): void;
  /** ReLU's select of wasm/relu.c; pointers in bytes. */
  relu_mask(n: number, x: number, y: number, o: number): void;
  /** maxPool and its gradient of wasm/pool.c (channels a multiple of 4); pointers in bytes, then the geometry. */
  max_pool(x: number, y: number, ...geometry: number[]): void;
  max_pool_backward(x: number, dy: number, dx: number, ...geometry: number[]): void;
}

let exports: GemmExports | null = null;
/** 'pending' while an asynchronous compile runs; 'failed' where WebAssembly SIMD is unavailable. */
let state: 'idle' | 'pending' | 'ready' | 'failed' = 'idle';

/** The bytes of a base64-embedded module. */
export function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function instantiate(module: WebAssembly.Module): void {
  exports = new WebAssembly.Instance(module, {}).exports as unknown as GemmExports;
  state = 'ready';
}

/**
 * The WASM SIMD GEMM module, compiled on first use: synchronously where the host allows it
 * (Node; browsers refuse synchronous compiles of larger modules on the main thread, and there
 * it compiles in the background while the JS kernel serves the calls). Null until then, and
 * for good where WebAssembly SIMD is missing.
 */
export function wasmGemmModule(): GemmExports | null {
  if (state === 'ready' || state === 'failed' || state === 'pending') return exports;
  const code = decodeBase64(GEMM_WASM_BASE64);
  if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(code)) {
    state = 'failed';
    return null;
  }
  try {
    instantiate(new WebAssembly.Module(code));
  } catch {
    state = 'pending';
    WebAssembly.compile(code).then(instantiate, () => {
      state = 'failed';
    });
  }
  return exports;
}

/**
 * `gemm` on the WASM SIMD module, float32 throughout (products and sums in float32, as in
 * TF.js and PyTorch): C += A·B (or C = A·B with `g.zero`) on the calling thread, reading resident
 * operands where they are and copying the others in (and C back). Returns false (nothing done)
 * when the module is not available, so the caller runs the JS kernel.
 */
export function wasmGemm(g: GemmArgs): boolean {
  const w = wasmMemory();
  const p = w && placeGemm(w, g);
  if (!p) return false;
  w.mod.gemm(g.m, g.n, g.k, p.ins[0]!, g.ai, g.ap, p.ins[1]!, g.bp, g.bj, p.outs[0]!, g.n, w.work);
  p.done();
  return true;
}

/** Places the spans of A, B and C that `g`'s strides reach in `w`. */
export function placeGemm(w: WasmMemory, g: GemmArgs): Placed | null {
  const { m, n, k } = g;
  const aSpan = (m - 1) * g.ai + (k - 1) * g.ap + 1;
  const bSpan = (k - 1) * g.bp + (n - 1) * g.bj + 1;
  return place(
    w,
    [(g.a as Float32Array).subarray(g.ao, g.ao + aSpan), (g.b as Float32Array).subarray(g.bo, g.bo + bSpan)],
    [(g.o as Float32Array).subarray(g.oo, g.oo + m * n)],
    { outputs: g.zero ? 'zero' : 'accumulate' },
  );
}

/** The float offset of the first 16-byte boundary after the module's own data: where staging starts. */
export function heapStart(mod: GemmExports): number {
  return align4((mod.__heap_base.value as number) >>> 2);
}

export function align4(x: number): number {
  return (x + 3) & ~3;
}
