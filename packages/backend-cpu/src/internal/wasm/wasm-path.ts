import type { CpuBackend } from '../../cpu-backend';
import { WASM_MIN_WORK } from '../gemm';

/**
 * Whether a float32 convolution of `macs` multiply-adds runs on the WASM module: not with
 * `kernels: 'js'` or float64, and, like matmul, not below WASM_MIN_WORK, where the JS path's
 * float64 sums cost nothing extra (and cannot overflow in an intermediate product).
 */
export function wasmPath(backend: CpuBackend, macs: number): boolean {
  return backend.precision === 'float32' && backend.gemmEngine !== 'js' && macs > WASM_MIN_WORK;
}

/**
 * Elementwise float32 tensors past this many elements run on the WASM module when they are
 * resident (nothing to copy): from here on a SIMD loop beats the JS one even counting the call.
 */
export const WASM_MIN_RESIDENT_ELEMENTS = 1024;

/**
 * Whether an elementwise float32 kernel (add, relu, reluGrad, sum, Adam) of `n` elements runs on
 * the WASM module: as `wasmPath`, with a lower bar where tensors are resident in its memory.
 */
export function wasmElementwisePath(backend: CpuBackend, n: number): boolean {
  return backend.residentTensors ? n >= WASM_MIN_RESIDENT_ELEMENTS : wasmPath(backend, n);
}
