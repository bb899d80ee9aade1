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
