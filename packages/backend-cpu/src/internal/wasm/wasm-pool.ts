import type { Pool2DAttrs, Shape } from '@descent/core';
import { align4, type GemmExports, heapStart, reserve, wasmGemmModule } from './wasm-gemm';

/**
 * maxPool of src/internal/max-pool-fast.ts on the WASM module (wasm/pool.c), float32 NHWC, four
 * channels per vector: copies `v` (shape `x`) in, pools into `out` (shape `y`). Returns false
 * (nothing done) where the module is unavailable or the channel count is not a multiple of 4.
 */
export function wasmMaxPool(
  v: Float32Array,
  x: Shape,
  y: Shape,
  attrs: Pool2DAttrs,
  out: Float32Array,
): boolean {
  return staged([v, out], x, (mod, at) => mod.max_pool(at[0]!, at[1]!, ...geometry(x, y, attrs)), out, 1);
}

/**
 * maxPoolBackward on the WASM module: adds each `dy` (shape `y`) to a zeroed `dx` (shape `x`,
 * overwritten) at its window's first max in `v`, in output order. Returns false as wasmMaxPool.
 */
export function wasmMaxPoolBackward(
  v: Float32Array,
  x: Shape,
  y: Shape,
  attrs: Pool2DAttrs,
  dy: Float32Array,
  dx: Float32Array,
): boolean {
  return staged(
    [v, dy, dx],
    x,
    (mod, at) => mod.max_pool_backward(at[0]!, at[1]!, at[2]!, ...geometry(x, y, attrs)),
    dx,
    2,
  );
}

/**
 * Reserves a 16-byte aligned region of the module's memory per array (lengths are multiples of
 * 4 with 4 | channels, so the C loops' whole vectors stay inside), copies all but the last one
 * (the output, which the C code fills) in, runs `call` with the byte offsets and copies region
 * `from` out into `out`.
 */
function staged(
  arrays: readonly Float32Array[],
  x: Shape,
  call: (mod: GemmExports, at: number[]) => void,
  out: Float32Array,
  from: number,
): boolean {
  if (x[3]! % 4 !== 0) return false;
  const mod = wasmGemmModule();
  if (!mod) return false;
  const at = reserve(
    mod.memory,
    heapStart(mod),
    arrays.map((a) => a.length),
  );
  const f32 = new Float32Array(mod.memory.buffer);
  for (let i = 0; i < arrays.length - 1; i++) f32.set(arrays[i]!, at[i]!);
  call(
    mod,
    at.map((o) => o * 4),
  );
  out.set(f32.subarray(at[from]!, at[from]! + out.length));
  return true;
}

/** The arguments after the pointers: the input and output shapes, then the window. */
function geometry(x: Shape, y: Shape, a: Pool2DAttrs): number[] {
  return [...x, y[1]!, y[2]!, ...a.windowSize, ...a.strides, ...a.dilations, a.pads[0], a.pads[2]];
}
