import { runBackendConformance } from '@descent/testing';
import { cpuBackend } from './index';

// Tensors in JS arrays, which the WASM kernels copy in and out of their memory, as where shared
// WebAssembly memory is unavailable: the same suite.
runBackendConformance({ name: 'cpu', plugins: () => [cpuBackend({ residentTensors: false })] });
