import type { TypedArray } from '@descent/core';
import type { GemmThreads } from './wasm/gemm-threads';
import { wasmGemm } from './wasm/wasm-gemm';

/**
 * One [m, n] = [m, k] · [k, n] product with operands read through strides: element (i, p) of A
 * is `a[ao + i·ai + p·ap]`, element (p, j) of B is `b[bo + p·bp + j·bj]`, so every transpose
 * variant is the same call. The result is *added* into the row-major block `o[oo + i·n + j]`
 * (callers pass zeros).
 */
export interface GemmArgs {
  m: number;
  n: number;
  k: number;
  a: TypedArray;
  ao: number;
  ai: number;
  ap: number;
  b: TypedArray;
  bo: number;
  bp: number;
  bj: number;
  o: TypedArray;
  oo: number;
  /** C is all zeros (a fresh output): the WASM paths zero their copy instead of copying it in. */
  zero?: boolean;
}

// Register tile (MR × NR accumulators held in locals) and cache blocks (GotoBLAS): a KC × NC
// panel of B and an MC × KC block of A are packed into contiguous micro-panels, so the inner
// loop reads both sequentially whatever the operands' strides.
const MR = 4;
const NR = 4;
const KC = 256;
const MC = 64;
const NC = 1024;

// Packing buffers, grown on demand and reused: nothing is allocated per call once warm. Float64
// keeps the float64 reference mode exact (float32 inputs convert losslessly).
let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);
const edge = new Float64Array(MR * NR);

/**
 * 'wasm': the WASM SIMD module (`wasm/gemm.c`) for float32 operands where WebAssembly SIMD is
 * available, this file's JS kernel otherwise; 'js': always the JS kernel; a `GemmThreads` pool:
 * the WASM module split over threads (`cpuThreads` of `@descent/backend-cpu/node`).
 */
export type GemmEngine = 'wasm' | 'js' | GemmThreads;

/** Below this many multiply-adds, copying operands into the WASM module costs more than it saves. */
export const WASM_MIN_WORK = 8192;

/**
 * C += A·B. With engine 'wasm', float32 operands above a small size run the WASM SIMD module
 * (float32 arithmetic); everything else runs the blocked, packed GEMM in plain JavaScript below
 * (products and sums in float64, like the scalar reference, rounded once per KC-long partial
 * sum on store). Small products skip the packing.
 */
export function gemm(g: GemmArgs, engine: GemmEngine = 'wasm'): void {
  const { m, n, k } = g;
  if (m === 0 || n === 0 || k === 0) return;
  if (
    engine !== 'js' &&
    m * n * k > WASM_MIN_WORK &&
    g.a instanceof Float32Array &&
    g.b instanceof Float32Array &&
    g.o instanceof Float32Array &&
    ((engine !== 'wasm' && engine.run(g)) || wasmGemm(g))
  ) {
    return;
  }
  if (m * n * k <= 4096 || m < MR || n < NR) {
    gemmSmall(g);
    return;
  }
  const nc0 = Math.min(NC, roundUp(n, NR));
  const kc0 = Math.min(KC, k);
  if (packB.length < kc0 * nc0) packB = new Float64Array(kc0 * nc0);
  const mc0 = Math.min(MC, roundUp(m, MR));
  if (packA.length < mc0 * kc0) packA = new Float64Array(mc0 * kc0);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packPanelB(g, pc, kc, jc, nc);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packBlockA(g, ic, mc, pc, kc);
        for (let jr = 0; jr < nc; jr += NR) {
          for (let ir = 0; ir < mc; ir += MR) {
            micro(
              kc,
              ir * kc,
              jr * kc,
              g.o,
              g.oo + (ic + ir) * n + jc + jr,
              n,
              Math.min(MR, mc - ir),
              Math.min(NR, nc - jr),
            );
          }
        }
      }
    }
  }
}

function roundUp(x: number, to: number): number {
  return Math.ceil(x / to) * to;
}

/** B[pc:pc+kc, jc:jc+nc] as NR-wide micro-panels, each kc rows of NR values, zero-padded on the right. */
function packPanelB(g: GemmArgs, pc: number, kc: number, jc: number, nc: number): void {
  const { b, bo, bp, bj } = g;
  const dst = packB;
  let t = 0;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = Math.min(NR, nc - jr);
    let src = bo + pc * bp + (jc + jr) * bj;
    if (cols === NR) {
      for (let p = 0; p < kc; p++, src += bp) {
        dst[t] = b[src]!;
        dst[t + 1] = b[src + bj]!;
        dst[t + 2] = b[src + 2 * bj]!;
        dst[t + 3] = b[src + 3 * bj]!;
        t += NR;
      }
    } else {
      for (let p = 0; p < kc; p++, src += bp) {
        for (let c = 0; c < NR; c++) dst[t + c] = c < cols ? b[src + c * bj]! : 0;
        t += NR;
      }
    }
  }
}

/** A[ic:ic+mc, pc:pc+kc] as MR-tall micro-panels, each kc columns of MR values, zero-padded below. */
function packBlockA(g: GemmArgs, ic: number, mc: number, pc: number, kc: number): void {
  const { a, ao, ai, ap } = g;
  const dst = packA;
  let t = 0;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = Math.min(MR, mc - ir);
    let src = ao + (ic + ir) * ai + pc * ap;
    if (rows === MR) {
      for (let p = 0; p < kc; p++, src += ap) {
        dst[t] = a[src]!;
        dst[t + 1] = a[src + ai]!;
        dst[t + 2] = a[src + 2 * ai]!;
        dst[t + 3] = a[src + 3 * ai]!;
        t += MR;
      }
    } else {
      for (let p = 0; p < kc; p++, src += ap) {
        for (let r = 0; r < MR; r++) dst[t + r] = r < rows ? a[src + r * ai]! : 0;
        t += MR;
      }
    }
  }
}

/** C[rows × cols] += packed A micro-panel · packed B micro-panel, a 4×4 tile in 16 locals. */
function micro(
  kc: number,
  ia: number,
  ib: number,
  o: TypedArray,
  oc: number,
  ldo: number,
  rows: number,
  cols: number,
): void {
  const A = packA;
  const B = packB;
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0;
  let c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0;
  let c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  const end = ia + kc * MR;
  for (; ia < end; ia += MR, ib += NR) {
    const b0 = B[ib]!;
    const b1 = B[ib + 1]!;
    const b2 = B[ib + 2]!;
    const b3 = B[ib + 3]!;
    const a0 = A[ia]!;
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    const a1 = A[ia + 1]!;
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    const a2 = A[ia + 2]!;
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    const a3 = A[ia + 3]!;
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  if (rows === MR && cols === NR) {
    let r = oc;
    o[r]! += c00;
    o[r + 1]! += c01;
    o[r + 2]! += c02;
    o[r + 3]! += c03;
    r += ldo;
    o[r]! += c10;
    o[r + 1]! += c11;
    o[r + 2]! += c12;
    o[r + 3]! += c13;
    r += ldo;
    o[r]! += c20;
    o[r + 1]! += c21;
    o[r + 2]! += c22;
    o[r + 3]! += c23;
    r += ldo;
    o[r]! += c30;
    o[r + 1]! += c31;
    o[r + 2]! += c32;
    o[r + 3]! += c33;
    return;
  }
  // An edge tile: the padded rows and columns were computed on zeros and are dropped.
  const tile = edge;
  tile[0] = c00;
  tile[1] = c01;
  tile[2] = c02;
  tile[3] = c03;
  tile[4] = c10;
  tile[5] = c11;
  tile[6] = c12;
  tile[7] = c13;
  tile[8] = c20;
  tile[9] = c21;
  tile[10] = c22;
  tile[11] = c23;
  tile[12] = c30;
  tile[13] = c31;
  tile[14] = c32;
  tile[15] = c33;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) o[oc + r * ldo + c]! += tile[r * NR + c]!;
}

/** The straightforward loops, for products too small to repay packing. */
function gemmSmall(g: GemmArgs): void {
  const { m, n, k, a, ao, ai, ap, b, bo, bp, bj, o, oo } = g;
  for (let i = 0; i < m; i++) {
    const arow = ao + i * ai;
    for (let j = 0; j < n; j++) {
      const bcol = bo + j * bj;
      let acc = 0;
      for (let q = 0; q < k; q++) acc += a[arow + q * ap]! * b[bcol + q * bp]!;
      o[oo + i * n + j]! += acc;
    }
  }
}
