import type { CpuBackend } from '../../cpu-backend';

/** Whether float32 convolutions may run on the WASM module (not `kernels: 'js'`, not float64). */
export function wasmPath(backend: CpuBackend): boolean {
  return backend.precision === 'float32' && backend.gemmEngine !== 'js';
}
