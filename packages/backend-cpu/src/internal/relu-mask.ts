import type { TypedArray } from '@descent/core';
import type { CpuBackend } from '../cpu-backend';
import { reluBits, reluLoop } from './relu-bits';
import { wasmElementwisePath } from './wasm/wasm-path';
import { wasmReluMask } from './wasm/wasm-relu';

/**
 * o = (x > 0 or x is NaN) ? y : +0, ReLU's select (relu with y = x, its gradient with y = dy),
 * on the fastest path the arrays allow: the WASM module for float32 past its threshold, else
 * the branch-free bit masks, else (float64) a loop. `float` says x holds floats; o may be x or y.
 */
export function reluMask(
  backend: CpuBackend,
  x: TypedArray,
  y: TypedArray,
  o: TypedArray,
  float: boolean,
): void {
  if (
    float &&
    wasmElementwisePath(backend, o.length) &&
    wasmReluMask(x as Float32Array, y as Float32Array, o as Float32Array)
  )
    return;
  if (!reluBits(x, y, o, float)) reluLoop(x, y, o);
}
