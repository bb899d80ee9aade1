import type { GemmArgs } from '../gemm';
import { GEMM_WASM_BASE64 } from './gemm-binary';

interface GemmExports {
  memory: WebAssembly.Memory;
  __heap_base: WebAssembly.Global;
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
  ): void;
}

let exports: GemmExports | null = null;
/** 'pending' while an asynchronous compile runs; 'failed' where WebAssembly SIMD is unavailable. */
let state: 'idle' | 'pending' | 'ready' | 'failed' = 'idle';

function bytes(): Uint8Array<ArrayBuffer> {
  const text = atob(GEMM_WASM_BASE64);
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
  const code = bytes();
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
 * TF.js and PyTorch): copies the spans of A, B and C the strides reach into the module's memory,
 * runs C += A·B there and copies C back. Returns false (nothing done) when the module is not
 * available, so the caller runs the JS kernel.
 */
export function wasmGemm(g: GemmArgs): boolean {
  const mod = wasmGemmModule();
  if (!mod) return false;
  const { m, n, k } = g;
  const aSpan = (m - 1) * g.ai + (k - 1) * g.ap + 1;
  const bSpan = (k - 1) * g.bp + (n - 1) * g.bj + 1;
  const cSize = m * n;
  const base = (mod.__heap_base.value as number) >>> 2;
  // Float offsets into memory, each span 16-byte aligned.
  const pa = align4(base);
  const pb = align4(pa + aSpan);
  const pc = align4(pb + bSpan);
  const need = (pc + cSize) * 4;
  const have = mod.memory.buffer.byteLength;
  if (need > have) mod.memory.grow(Math.ceil((need - have) / 65536));
  const f32 = new Float32Array(mod.memory.buffer);
  f32.set((g.a as Float32Array).subarray(g.ao, g.ao + aSpan), pa);
  f32.set((g.b as Float32Array).subarray(g.bo, g.bo + bSpan), pb);
  const o = g.o as Float32Array;
  f32.set(o.subarray(g.oo, g.oo + cSize), pc);
  mod.gemm(m, n, k, pa * 4, g.ai, g.ap, pb * 4, g.bp, g.bj, pc * 4, n);
  o.set(f32.subarray(pc, pc + cSize), g.oo);
  return true;
}

function align4(x: number): number {
  return (x + 3) & ~3;
}
