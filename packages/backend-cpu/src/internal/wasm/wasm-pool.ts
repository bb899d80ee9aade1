import type { Pool2DAttrs, Shape } from '@descent/core';
import type { GemmExports } from './wasm-gemm';
import { place, wasmMemory } from './wasm-memory';

/**
 * maxPool of src/internal/max-pool-fast.ts on the WASM module (wasm/pool.c), float32 NHWC, four
 * channels per vector: pools `v` (shape `x`) into `out` (shape `y`). Returns false
 * (nothing done) where the module is unavailable or the channel count is not a multiple of 4.
 */
export function wasmMaxPool(
  v: Float32Array,
  x: Shape,
  y: Shape,
  attrs: Pool2DAttrs,
  out: Float32Array,
): boolean {
  return onWasm([v], x, out, (mod, at) => mod.max_pool(at[0]!, at[1]!, ...geometry(x, y, attrs)));
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
  return onWasm([v, dy], x, dx, (mod, at) =>
    mod.max_pool_backward(at[0]!, at[1]!, at[2]!, ...geometry(x, y, attrs)),
  );
}

/**
 * Places the inputs and the output (lengths are multiples of 4 with 4 | channels, so the C
 * loops' whole vectors stay inside each) and runs `call` with the byte offsets, inputs first.
 */
function onWasm(
  inputs: readonly Float32Array[],
  x: Shape,
  out: Float32Array,
  call: (mod: GemmExports, at: number[]) => void,
): boolean {
  if (x[3]! % 4 !== 0) return false;
  const w = wasmMemory();
  const p = w && place(w, inputs, [out]);
  if (!p) return false;
  call(w.mod, [...p.ins, ...p.outs]);
  p.done();
  return true;
}

/** The arguments after the pointers: the input and output shapes, then the window. */
function geometry(x: Shape, y: Shape, a: Pool2DAttrs): number[] {
  return [...x, y[1]!, y[2]!, ...a.windowSize, ...a.strides, ...a.dilations, a.pads[0], a.pads[2]];
}
